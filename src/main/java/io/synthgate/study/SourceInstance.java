package io.synthgate.study;

import io.synthgate.dicom.SopInstanceUid;
import io.synthgate.dicom.StudyInstanceUid;
import java.nio.file.Path;

/** A stored instance as the pipeline reads it: identity and spool file. */
public record SourceInstance(
        StudyInstanceUid study,
        String seriesInstanceUid,
        SopInstanceUid sopInstanceUid,
        String sopClassUid,
        String modality,
        Path file) {
}
