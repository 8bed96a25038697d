package io.synthgate.generator;

import io.synthgate.pixels.PixelPlanes;
import java.util.List;

/** What a generator answered: candidates when {@link Status#OK}, otherwise the reason it gave none. */
public record GenerationOutcome(Status status, List<PixelPlanes> candidates, String detail) {

    /** The generator's answer, as providers signal it. */
    public enum Status {
        OK,
        /** The provider refused the request (policy). */
        REFUSED,
        /** The provider censored the output. */
        FILTERED,
        /** Rate-limited; may be retried later. */
        THROTTLED,
        ERROR
    }

    public GenerationOutcome {
        candidates = List.copyOf(candidates);
        if (status == Status.OK && candidates.isEmpty()) {
            throw new IllegalArgumentException("An OK outcome needs at least one candidate");
        }
    }

    public static GenerationOutcome ok(PixelPlanes candidate) {
        return new GenerationOutcome(Status.OK, List.of(candidate), null);
    }

    public static GenerationOutcome refused(Status status, String detail) {
        return new GenerationOutcome(status, List.of(), detail);
    }
}
