package io.synthgate.job;

import java.time.Instant;
import java.util.UUID;

/** A job as the REST API and other features see it. */
public record JobView(
        UUID id,
        String studyInstanceUid,
        String experiment,
        JobOrigin origin,
        JobState state,
        String reason,
        int instanceCount,
        Instant createdAt,
        Instant updatedAt) {
}
