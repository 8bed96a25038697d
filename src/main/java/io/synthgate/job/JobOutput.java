package io.synthgate.job;

import io.synthgate.dicom.SopInstanceUid;
import io.synthgate.pixels.FidelityMetrics;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * One synthetic object of a job, as other features see it; {@code readersRequired} is how many readers
 * give it a verdict when it is held for review (1 otherwise).
 */
public record JobOutput(
        UUID jobId,
        Optional<SopInstanceUid> source,
        int candidateIndex,
        OptionalLong seed,
        SopInstanceUid sopInstanceUid,
        String sopClassUid,
        Path file,
        OutputState state,
        String destination,
        Instant exportedAt,
        String maskSpec,
        FidelityMetrics metrics,
        int readersRequired) {
}
