package io.synthgate.generator;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a generator answered: candidates when {@link Status#OK}, otherwise the reason it gave none.
 *
 * @param status the outcome class, written to every output's provenance
 * @param candidates the results, in the provider's order; empty unless OK
 * @param detail the provider's own words: code, message, request id
 */
public record GenerationOutcome(Status status, List<Candidate> candidates, ProviderDetail detail) {

    /** The generator's answer, as providers signal it ({@code generator-apis.md} §0). */
    public enum Status {
        OK,
        /** The provider refused the request by policy; the same request is never retried. */
        REFUSED,
        /** The provider censored the output (HTTP 200 with a filter signal). */
        FILTERED,
        /** Rate-limited, and waiting longer than allowed would have been needed. */
        THROTTLED,
        /** Anything else: transport failure, server error, malformed answer, misconfiguration. */
        ERROR
    }

    public GenerationOutcome {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(detail, "detail");
        candidates = List.copyOf(candidates);
        if (status == Status.OK && candidates.isEmpty()) {
            throw new IllegalArgumentException("An OK outcome needs at least one candidate");
        }
        if (status != Status.OK && !candidates.isEmpty()) {
            throw new IllegalArgumentException("A " + status + " outcome carries no candidates");
        }
    }

    public static GenerationOutcome ok(List<Candidate> candidates, ProviderDetail detail) {
        return new GenerationOutcome(Status.OK, candidates, detail);
    }

    public static GenerationOutcome failed(Status status, ProviderDetail detail) {
        return new GenerationOutcome(status, List.of(), detail);
    }

    /** A one-line description for job reasons and logs: status, provider code, message, request id. */
    public String describe() {
        StringBuilder text = new StringBuilder(status.name());
        detail.code().ifPresent(code -> text.append(" (").append(code).append(')'));
        if (!detail.message().isBlank()) {
            text.append(": ").append(detail.message());
        }
        detail.requestId().ifPresent(id -> text.append(" [request ").append(id).append(']'));
        return text.toString();
    }

    /**
     * The provider's side of an outcome.
     *
     * @param code the provider's error or finish code ({@code content_policy_violation}, {@code CONTENT_FILTERED}, ...)
     * @param message the provider's message, or ours when the provider gave none
     * @param requestId the provider's request id, kept in the output's provenance
     */
    public record ProviderDetail(Optional<String> code, String message, Optional<String> requestId) {

        public ProviderDetail {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(requestId, "requestId");
            message = message == null ? "" : message;
        }

        public static ProviderDetail of(String message) {
            return new ProviderDetail(Optional.empty(), message, Optional.empty());
        }
    }
}
