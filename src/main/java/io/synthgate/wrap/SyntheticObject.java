package io.synthgate.wrap;

import io.synthgate.dicom.SopInstanceUid;
import java.nio.file.Path;
import java.util.Optional;

/** A synthetic object durably written to the outbound spool, and where its burned-in label lies. */
public record SyntheticObject(SopInstanceUid sopInstanceUid, String sopClassUid, Path file, Optional<LabelBox> label) {
}
