package io.synthgate.study;

import java.time.Instant;
import java.util.List;

/**
 * A study in lists.
 *
 * @param assembling whether instances may still join its open job
 * @param experiments the experiments its jobs run, as the routing rules chose them
 * @param unmatched whether a completed part of it was taken by no enabled experiment
 */
public record StudySummary(
        String studyInstanceUid,
        int instanceCount,
        boolean assembling,
        List<String> experiments,
        boolean unmatched,
        Instant firstReceivedAt,
        Instant lastReceivedAt) {
}
