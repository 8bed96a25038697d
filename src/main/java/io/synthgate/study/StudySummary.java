package io.synthgate.study;

import java.time.Instant;

/** A study in lists: {@code assembling} while instances may still join its open job. */
public record StudySummary(
        String studyInstanceUid,
        int instanceCount,
        boolean assembling,
        Instant firstReceivedAt,
        Instant lastReceivedAt) {
}
