package io.synthgate.review;

import io.synthgate.pixels.FidelityMetrics;
import java.util.UUID;

/**
 * A candidate waiting for a verdict.
 *
 * @param jobId its job ({@code GET /api/jobs/{id}})
 * @param experiment the experiment that made it
 * @param sopInstanceUid the candidate; its picture is at {@code GET /api/reviews/{sopInstanceUid}/preview.png}
 * @param candidateIndex its position among its prompt's or source's candidates
 * @param seed the seed it was made with, when known
 * @param fidelity its fidelity against the source, when it has one
 * @param readers how many readers give it a verdict
 */
public record PendingReview(UUID jobId, String experiment, String sopInstanceUid, int candidateIndex, Long seed,
        FidelityMetrics fidelity, int readers) {
}
