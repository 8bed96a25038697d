package io.synthgate.study;

import io.synthgate.dicom.AeTitle;
import io.synthgate.dicom.SopInstanceUid;
import io.synthgate.dicom.StudyInstanceUid;
import java.nio.file.Path;

/** A stored instance as the pipeline reads it: identity, who sent it, and its spool file. */
public record SourceInstance(
        StudyInstanceUid study,
        String seriesInstanceUid,
        SopInstanceUid sopInstanceUid,
        String sopClassUid,
        String modality,
        AeTitle callingAe,
        Path file) {
}
