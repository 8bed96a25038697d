package io.synthgate.generator.http;

import io.synthgate.generator.GenerationOutcome;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * One HTTP call's result as the retry policy sees it.
 *
 * @param outcome what the call produced
 * @param retryable whether calling again may succeed (throttling, timeouts, 5xx); never for a refusal
 * @param retryAfter how long the provider asked us to wait, when it said
 * @param httpStatus the HTTP status, or 0 when no answer came
 * @param outputSha256 SHA-256 of each returned image as received, for the audit
 */
record Attempt(GenerationOutcome outcome, boolean retryable, Optional<Duration> retryAfter, int httpStatus,
        List<String> outputSha256) {

    Attempt {
        outputSha256 = List.copyOf(outputSha256);
    }

    static Attempt finalOutcome(GenerationOutcome outcome, int httpStatus, List<String> outputSha256) {
        return new Attempt(outcome, false, Optional.empty(), httpStatus, outputSha256);
    }

    static Attempt retryable(GenerationOutcome outcome, int httpStatus, Optional<Duration> retryAfter) {
        return new Attempt(outcome, true, retryAfter, httpStatus, List.of());
    }

    /**
     * Whether the call says the provider is unwell: no answer, a timeout or a server error. A refusal
     * or throttling is an answer from a live provider and does not count.
     */
    boolean countsAsFailure() {
        return retryable && outcome.status() == GenerationOutcome.Status.ERROR;
    }
}
