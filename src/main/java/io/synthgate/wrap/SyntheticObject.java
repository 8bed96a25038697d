package io.synthgate.wrap;

import io.synthgate.dicom.SopInstanceUid;
import java.nio.file.Path;

/** A synthetic object durably written to the outbound spool. */
public record SyntheticObject(SopInstanceUid sopInstanceUid, String sopClassUid, Path file) {
}
