package io.synthgate.generator.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Stops calls to a provider that keeps failing: after {@code threshold} failed calls in a row the
 * circuit opens and refuses calls for {@code openFor}; then one trial call is let through, and its
 * result closes or reopens the circuit.
 */
public final class CircuitBreaker {

    /** Where the circuit stands, as health reports it. */
    public enum State {
        CLOSED,
        OPEN,
        HALF_OPEN
    }

    private final int threshold;
    private final Duration openFor;
    private final Clock clock;
    private int consecutiveFailures;
    private Instant openUntil;
    private boolean trialInFlight;

    CircuitBreaker(int threshold, Duration openFor, Clock clock) {
        if (threshold < 1) {
            throw new IllegalArgumentException("circuit-breaker.failure-threshold must be at least 1, not " + threshold);
        }
        this.threshold = threshold;
        this.openFor = openFor;
        this.clock = clock;
    }

    /** Whether a call may go out now; in HALF_OPEN, only the first caller gets the trial. */
    synchronized boolean tryAcquire() {
        return switch (state()) {
            case CLOSED -> true;
            case OPEN -> false;
            case HALF_OPEN -> {
                if (trialInFlight) {
                    yield false;
                }
                trialInFlight = true;
                yield true;
            }
        };
    }

    synchronized void onSuccess() {
        consecutiveFailures = 0;
        openUntil = null;
        trialInFlight = false;
    }

    synchronized void onFailure() {
        consecutiveFailures++;
        trialInFlight = false;
        if (openUntil != null || consecutiveFailures >= threshold) {
            openUntil = clock.instant().plus(openFor);
        }
    }

    synchronized State state() {
        if (openUntil == null) {
            return State.CLOSED;
        }
        return clock.instant().isBefore(openUntil) ? State.OPEN : State.HALF_OPEN;
    }

    /** When an open circuit lets the next trial call through; null when closed. */
    synchronized Instant openUntil() {
        return openUntil;
    }

    synchronized int consecutiveFailures() {
        return consecutiveFailures;
    }
}
