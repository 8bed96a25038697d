package io.synthgate.generator.http;

import io.smallrye.faulttolerance.api.CircuitBreakerState;
import io.smallrye.faulttolerance.api.CustomBackoffStrategy;
import io.smallrye.faulttolerance.api.TypedGuard;
import io.synthgate.generator.GenerationOutcome;
import io.synthgate.generator.GenerationOutcome.ProviderDetail;
import io.synthgate.generator.GeneratorConfig;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.jboss.logging.Logger;

/**
 * How one generator's calls are made: at most {@code concurrency} at once, retried with exponential
 * backoff and jitter (or after the provider's retry-after), never retried after a refusal or a
 * final error, and not at all while the circuit breaker is open. Retries and the breaker are a
 * SmallRye Fault Tolerance guard of the generator's own ({@code synthgate-generator-<name>}), so their
 * meters are in {@code /q/metrics}.
 *
 * <p>A call holds a slot during each exchange with the provider and while it waits to retry, so a
 * throttled provider never has more calls in flight or waiting on it than slots. Reading an answer
 * (decoding pictures, auditing the call) is not the provider's work: the slot is given back first,
 * so that the next call is on its way meanwhile. That is why the slots are not the guard's bulkhead,
 * which would hold a permit while the answer is read and give it back during the wait.
 */
final class CallPolicy {

    private static final Logger LOG = Logger.getLogger(CallPolicy.class);

    private final String generator;
    private final GeneratorConfig.Retry retry;
    private final GeneratorConfig.CircuitBreaker breakerSettings;
    private final Semaphore slots;
    private final TypedGuard<Attempt> guard;
    private final Clock clock;
    private volatile CircuitBreakerState breaker = CircuitBreakerState.CLOSED;
    private volatile Instant openedAt = Instant.EPOCH;

    CallPolicy(String generator, GeneratorConfig.Settings settings, Clock clock) {
        if (settings.concurrency() < 1) {
            throw new IllegalArgumentException("synthgate.generator." + generator + ".concurrency must be at least 1");
        }
        if (settings.retry().maxAttempts() < 1) {
            throw new IllegalArgumentException("synthgate.generator." + generator + ".retry.max-attempts must be at least 1");
        }
        if (settings.circuitBreaker().failureThreshold() < 1) {
            throw new IllegalArgumentException("synthgate.generator." + generator
                    + ".circuit-breaker.failure-threshold must be at least 1, not "
                    + settings.circuitBreaker().failureThreshold());
        }
        this.generator = generator;
        this.retry = settings.retry();
        this.breakerSettings = settings.circuitBreaker();
        this.slots = new Semaphore(settings.concurrency(), true);
        this.clock = clock;
        this.guard = guard(generator, settings);
    }

    /**
     * The guard: retries of attempts that ask for one, after the wait each names, around a breaker that
     * opens after {@code failure-threshold} failed calls in a row (a window of that many, all failed)
     * and lets one trial call through after {@code open-for}.
     */
    private TypedGuard<Attempt> guard(String name, GeneratorConfig.Settings settings) {
        // The attempts, not the guard, bound the total time: each waits at most retry.max-wait.
        Duration longest = settings.retry().maxWait().plus(settings.timeout()).plus(settings.connectTimeout())
                .multipliedBy(settings.retry().maxAttempts()).plusMinutes(1);
        return TypedGuard.create(Attempt.class)
                .withDescription("synthgate-generator-" + name)
                .withRetry()
                .maxRetries(settings.retry().maxAttempts() - 1)
                .maxDuration(longest.toMillis(), ChronoUnit.MILLIS)
                .jitter(0, ChronoUnit.MILLIS)
                .whenException(failure -> failure instanceof FailedAttempt failed && failed.retry())
                .withCustomBackoff().strategy(ProviderBackoff::new).done()
                .done()
                .withCircuitBreaker()
                .name("synthgate-generator-" + name)
                .requestVolumeThreshold(settings.circuitBreaker().failureThreshold())
                .failureRatio(1.0)
                .successThreshold(1)
                .delay(settings.circuitBreaker().openFor().toMillis(), ChronoUnit.MILLIS)
                .when(failure -> failure instanceof FailedAttempt failed && failed.attempt().countsAsFailure())
                .onStateChange(this::breakerMoved)
                .done()
                .build();
    }

    /**
     * Where the breaker stands, as health reports it. The guard's breaker lets its trial call through
     * only when a call comes, so an open breaker whose time is up is reported half open.
     */
    CircuitBreakerState breakerState() {
        CircuitBreakerState state = breaker;
        if (state == CircuitBreakerState.OPEN && !clock.instant().isBefore(openUntil())) {
            return CircuitBreakerState.HALF_OPEN;
        }
        return state;
    }

    /** One attempt of a call, given its number (from 1) and what to run once its exchange with the provider is over. */
    @FunctionalInterface
    interface Call {
        Attempt attempt(int number, Runnable exchanged);
    }

    /** Runs {@code call} until it succeeds, may not be retried, or attempts run out. */
    GenerationOutcome execute(Call call) {
        Slot slot = new Slot();
        int[] number = {0};
        try {
            return guard.call(() -> {
                slot.take();
                int attemptNumber = ++number[0];
                Attempt attempt = call.attempt(attemptNumber, slot::give);
                if (!attempt.retryable()) {
                    return attempt;
                }
                if (attemptNumber >= retry.maxAttempts()) {
                    throw new FailedAttempt(attempt, Duration.ZERO, false);
                }
                Duration wait = attempt.retryAfter().orElseGet(() -> backoff(attemptNumber));
                if (wait.compareTo(retry.maxWait()) > 0) {
                    throw new FailedAttempt(waitedTooLong(attempt, wait), wait, false);
                }
                LOG.warnf("Generator '%s' call %d of %d: %s; next call in %d ms", generator, attemptNumber,
                        retry.maxAttempts(), attempt.outcome().describe(), wait.toMillis());
                slot.take();
                throw new FailedAttempt(attempt, wait, true);
            }).outcome();
        } catch (FailedAttempt failed) {
            return failed.attempt().outcome();
        } catch (CircuitBreakerOpenException open) {
            return GenerationOutcome.failed(GenerationOutcome.Status.ERROR, ProviderDetail.of("generator '" + generator
                    + "' is not called: its circuit breaker is open after " + breakerSettings.failureThreshold()
                    + " failed calls in a row, until " + openUntil()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return interrupted(slot);
        } catch (Exception e) {
            if (Thread.currentThread().isInterrupted() || e.getCause() instanceof InterruptedException) {
                Thread.currentThread().interrupt();
                return interrupted(slot);
            }
            throw new IllegalStateException("Generator '" + generator + "': the call policy failed: " + e, e);
        } finally {
            slot.give();
        }
    }

    /** The attempt, its outcome saying why it is not retried: the provider asked for too long a wait. */
    private Attempt waitedTooLong(Attempt attempt, Duration wait) {
        GenerationOutcome outcome = attempt.outcome();
        return Attempt.retryable(GenerationOutcome.failed(outcome.status(), new ProviderDetail(outcome.detail().code(),
                outcome.detail().message() + " (the provider asked to wait " + wait + ", longer than retry.max-wait "
                        + retry.maxWait() + ")", outcome.detail().requestId())), attempt.httpStatus(), attempt.retryAfter());
    }

    private static GenerationOutcome interrupted(Slot slot) {
        return GenerationOutcome.failed(GenerationOutcome.Status.ERROR, ProviderDetail.of(slot.held()
                ? "interrupted between retries" : "interrupted while waiting for a free slot"));
    }

    private void breakerMoved(CircuitBreakerState state) {
        if (state == CircuitBreakerState.OPEN) {
            openedAt = clock.instant();
        }
        breaker = state;
    }

    private Instant openUntil() {
        return openedAt.plus(breakerSettings.openFor());
    }

    /**
     * An attempt that did not give a final answer: retried after {@code wait} when {@code retry}, and
     * counted by the breaker when it says the provider is unwell, retried or not.
     */
    static final class FailedAttempt extends Exception {

        private final transient Attempt attempt;
        private final Duration wait;
        private final boolean retry;

        FailedAttempt(Attempt attempt, Duration wait, boolean retry) {
            super(attempt.outcome().describe(), null, false, false);
            this.attempt = attempt;
            this.wait = wait;
            this.retry = retry;
        }

        Attempt attempt() {
            return attempt;
        }

        Duration delay() {
            return wait;
        }

        boolean retry() {
            return retry;
        }
    }

    /** The guard waits what the failed attempt names: the provider's retry-after, or our backoff. */
    private static final class ProviderBackoff implements CustomBackoffStrategy {

        @Override
        public long nextDelayInMillis(Throwable cause) {
            return cause instanceof FailedAttempt failed ? failed.delay().toMillis() : 0;
        }
    }

    /** One call's hold on a slot: taken before each attempt, given back when its exchange is over. */
    private final class Slot {

        private boolean held;

        void take() throws InterruptedException {
            if (!held) {
                slots.acquire();
                held = true;
            }
        }

        void give() {
            if (held) {
                held = false;
                slots.release();
            }
        }

        boolean held() {
            return held;
        }
    }

    /** Exponential backoff with full jitter in its upper half: [d/2, d] for d = initial * 2^(n-1), capped. */
    private Duration backoff(int attemptNumber) {
        long initial = retry.initialDelay().toMillis();
        long capped = Math.min(retry.maxDelay().toMillis(), initial << Math.min(30, attemptNumber - 1));
        return Duration.ofMillis(capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1));
    }
}
