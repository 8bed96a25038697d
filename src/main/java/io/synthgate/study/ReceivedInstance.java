package io.synthgate.study;

import io.synthgate.dicom.AeTitle;
import io.synthgate.dicom.SopInstanceUid;
import io.synthgate.dicom.StudyInstanceUid;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;

/**
 * An object that is durably in the spool: acknowledged to its sender at {@code receivedAt}, or found
 * in the spool without a record when the gateway started.
 */
public record ReceivedInstance(
        StudyInstanceUid study,
        String seriesInstanceUid,
        SopInstanceUid sopInstanceUid,
        String sopClassUid,
        String transferSyntaxUid,
        String modality,
        AeTitle callingAe,
        Path file,
        long sizeBytes,
        Instant receivedAt) {

    public ReceivedInstance {
        Objects.requireNonNull(study, "study");
        Objects.requireNonNull(sopInstanceUid, "sopInstanceUid");
        Objects.requireNonNull(sopClassUid, "sopClassUid");
        Objects.requireNonNull(transferSyntaxUid, "transferSyntaxUid");
        Objects.requireNonNull(callingAe, "callingAe");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(receivedAt, "receivedAt");
    }
}
