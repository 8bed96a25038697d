package io.synthgate.generator.http;

import io.synthgate.generator.GenerationOutcome.ProviderDetail;
import io.synthgate.generator.GenerationOutcome;
import io.synthgate.generator.GeneratorConfig;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import org.jboss.logging.Logger;

/**
 * How one generator's calls are made: at most {@code concurrency} at once, retried with exponential
 * backoff and jitter (or after the provider's retry-after), never retried after a refusal or a
 * final error, and not at all while the circuit breaker is open.
 *
 * <p>A call holds a slot during each exchange with the provider and while it waits to retry, so a
 * throttled provider never has more calls in flight or waiting on it than slots. Reading an answer
 * (decoding pictures, auditing the call) is not the provider's work: the slot is given back first,
 * so that the next call is on its way meanwhile.
 */
final class CallPolicy {

    private static final Logger LOG = Logger.getLogger(CallPolicy.class);

    private final String generator;
    private final GeneratorConfig.Retry retry;
    private final Semaphore slots;
    private final CircuitBreaker breaker;

    CallPolicy(String generator, GeneratorConfig.Settings settings, Clock clock) {
        if (settings.concurrency() < 1) {
            throw new IllegalArgumentException("synthgate.generator." + generator + ".concurrency must be at least 1");
        }
        if (settings.retry().maxAttempts() < 1) {
            throw new IllegalArgumentException("synthgate.generator." + generator + ".retry.max-attempts must be at least 1");
        }
        this.generator = generator;
        this.retry = settings.retry();
        this.slots = new Semaphore(settings.concurrency(), true);
        this.breaker = new CircuitBreaker(settings.circuitBreaker().failureThreshold(),
                settings.circuitBreaker().openFor(), clock);
    }

    CircuitBreaker breaker() {
        return breaker;
    }

    /** One attempt of a call, given its number (from 1) and what to run once its exchange with the provider is over. */
    @FunctionalInterface
    interface Call {
        Attempt attempt(int number, Runnable exchanged);
    }

    /** Runs {@code call} until it succeeds, may not be retried, or attempts run out. */
    GenerationOutcome execute(Call call) {
        Slot slot = new Slot();
        try {
            slot.take();
            Attempt attempt = null;
            for (int number = 1; ; number++) {
                if (!breaker.tryAcquire()) {
                    return GenerationOutcome.failed(GenerationOutcome.Status.ERROR, ProviderDetail.of("generator '"
                            + generator + "' is not called: its circuit breaker is open after "
                            + breaker.consecutiveFailures() + " failed calls in a row, until " + breaker.openUntil()
                            + (attempt == null ? "" : "; last answer: " + attempt.outcome().describe())));
                }
                attempt = call.attempt(number, slot::give);
                if (attempt.countsAsFailure()) {
                    breaker.onFailure();
                } else {
                    breaker.onSuccess();
                }
                if (!attempt.retryable() || number >= retry.maxAttempts()) {
                    return attempt.outcome();
                }
                Duration wait = attempt.retryAfter().isPresent() ? attempt.retryAfter().get() : backoff(number);
                if (wait.compareTo(retry.maxWait()) > 0) {
                    return GenerationOutcome.failed(attempt.outcome().status(), new ProviderDetail(
                            attempt.outcome().detail().code(), attempt.outcome().detail().message()
                                    + " (the provider asked to wait " + wait + ", longer than retry.max-wait "
                                    + retry.maxWait() + ")", attempt.outcome().detail().requestId()));
                }
                LOG.warnf("Generator '%s' call %d of %d: %s; next call in %d ms", generator, number,
                        retry.maxAttempts(), attempt.outcome().describe(), wait.toMillis());
                slot.take();
                Thread.sleep(wait.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return GenerationOutcome.failed(GenerationOutcome.Status.ERROR, ProviderDetail.of(slot.held()
                    ? "interrupted between retries" : "interrupted while waiting for a free slot"));
        } finally {
            slot.give();
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
