package io.synthgate.generator.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import io.synthgate.generator.GenerationOutcome.ProviderDetail;
import io.synthgate.generator.GenerationOutcome.Status;
import io.synthgate.generator.GenerationOutcome;
import io.synthgate.generator.GeneratorConfig;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * When a call holds one of its generator's slots (during each exchange and each wait to retry, not while
 * reading an answer), and when the circuit breaker of its fault-tolerance guard stops calls. A Quarkus
 * test: the guards are SmallRye Fault Tolerance's, which runs inside the application.
 */
@QuarkusTest
class CallPolicyTest {

    private final CallPolicy oneSlot = new CallPolicy(unique("serial"), settings(1, 3, 5, Duration.ofSeconds(60)),
            Clock.systemUTC());

    @Test
    void theNextCallIsMadeWhileTheLastAnswerIsRead() {
        List<String> order = new CopyOnWriteArrayList<>();
        // With one slot, a second call made while the first reads its answer would never start if the first kept it.
        GenerationOutcome first = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> oneSlot.execute((number, exchanged) -> {
            order.add("first exchanged");
            exchanged.run();
            GenerationOutcome second = oneSlot.execute((n, done) -> {
                order.add("second exchanged");
                done.run();
                return answered();
            });
            order.add("first read, second " + second.status());
            return answered();
        }));
        assertEquals(Status.REFUSED, first.status());
        assertEquals(List.of("first exchanged", "second exchanged", "first read, second REFUSED"), order);
    }

    @Test
    void aRetriedCallKeepsItsSlotWhileItWaits() throws Exception {
        List<String> order = new CopyOnWriteArrayList<>();
        CountDownLatch firstAnswered = new CountDownLatch(1);
        ExecutorService callers = Executors.newFixedThreadPool(2);
        try {
            Future<GenerationOutcome> retried = callers.submit(() -> oneSlot.execute((number, exchanged) -> {
                order.add("retried, attempt " + number);
                exchanged.run();
                firstAnswered.countDown();
                return number == 1 ? throttled(Duration.ofSeconds(1)) : answered();
            }));
            firstAnswered.await(10, TimeUnit.SECONDS);
            // Well inside the provider's wait of a second, and well after the throttled call took its slot back.
            Thread.sleep(300);
            Future<GenerationOutcome> other = callers.submit(() -> oneSlot.execute((number, exchanged) -> {
                order.add("other");
                exchanged.run();
                return answered();
            }));
            assertEquals(Status.REFUSED, retried.get(10, TimeUnit.SECONDS).status());
            assertEquals(Status.REFUSED, other.get(10, TimeUnit.SECONDS).status());
            // The throttled call waits holding its slot, so the other call comes after its retry.
            assertEquals(List.of("retried, attempt 1", "retried, attempt 2", "other"), order);
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void theBreakerOpensAfterTheThresholdOfFailedCallsInARowAndStopsCalling() {
        CallPolicy policy = new CallPolicy(unique("breaker"), settings(2, 1, 3, Duration.ofSeconds(60)), Clock.systemUTC());
        AtomicInteger sent = new AtomicInteger();
        for (Attempt answer : List.of(unavailable(), unavailable(), answered(), unavailable(), unavailable())) {
            policy.execute((number, exchanged) -> {
                sent.incrementAndGet();
                exchanged.run();
                return answer;
            });
        }
        assertEquals(CircuitBreakerState.CLOSED, policy.breakerState(), "an answer in between resets the count");
        assertEquals(Status.ERROR, policy.execute((number, exchanged) -> unavailable()).status());
        assertEquals(CircuitBreakerState.OPEN, policy.breakerState());

        GenerationOutcome stopped = policy.execute((number, exchanged) -> {
            sent.incrementAndGet();
            return answered();
        });
        assertEquals(Status.ERROR, stopped.status());
        assertTrue(stopped.detail().message().contains("circuit breaker is open after 3 failed calls in a row"),
                stopped.describe());
        assertEquals(5, sent.get(), "nothing is sent while the breaker is open");
    }

    @Test
    void afterTheOpenPeriodOneTrialCallDecides() throws Exception {
        CallPolicy policy = new CallPolicy(unique("trial"), settings(2, 1, 1, Duration.ofMillis(300)), Clock.systemUTC());
        policy.execute((number, exchanged) -> unavailable());
        assertEquals(CircuitBreakerState.OPEN, policy.breakerState());
        Thread.sleep(400);
        assertEquals(CircuitBreakerState.HALF_OPEN, policy.breakerState(), "open-for has passed: a trial may go");
        policy.execute((number, exchanged) -> unavailable());
        assertEquals(CircuitBreakerState.OPEN, policy.breakerState(), "a failed trial reopens at once");

        Thread.sleep(400);
        assertEquals(Status.REFUSED, policy.execute((number, exchanged) -> answered()).status());
        assertEquals(CircuitBreakerState.CLOSED, policy.breakerState(), "an answer to the trial closes it");
    }

    @Test
    void aRefusalOrThrottlingIsAnAnswerAndNeverOpensTheBreaker() {
        CallPolicy policy = new CallPolicy(unique("answers"), settings(2, 1, 1, Duration.ofSeconds(60)), Clock.systemUTC());
        policy.execute((number, exchanged) -> answered());
        policy.execute((number, exchanged) -> throttled(Duration.ofMillis(1)));
        assertEquals(CircuitBreakerState.CLOSED, policy.breakerState());
    }

    @Test
    void aWaitLongerThanMaxWaitEndsTheCallAndSaysWhy() {
        CallPolicy policy = new CallPolicy(unique("patient"), settings(1, 3, 5, Duration.ofSeconds(60)), Clock.systemUTC());
        AtomicInteger sent = new AtomicInteger();
        GenerationOutcome outcome = policy.execute((number, exchanged) -> {
            sent.incrementAndGet();
            return throttled(Duration.ofSeconds(30));
        });
        assertEquals(Status.THROTTLED, outcome.status());
        assertTrue(outcome.detail().message().contains("longer than retry.max-wait PT5S"), outcome.describe());
        assertEquals(1, sent.get());
    }

    @Test
    void retriesStopAfterMaxAttemptsWithTheLastAnswer() {
        CallPolicy policy = new CallPolicy(unique("persistent"), settings(1, 3, 10, Duration.ofSeconds(60)), Clock.systemUTC());
        List<Integer> numbers = new CopyOnWriteArrayList<>();
        GenerationOutcome outcome = policy.execute((number, exchanged) -> {
            numbers.add(number);
            return unavailable();
        });
        assertEquals(List.of(1, 2, 3), numbers);
        assertEquals("unavailable", outcome.detail().message());
    }

    /** A final answer; which one does not matter to the slots, and a refusal needs no pictures. */
    private static Attempt answered() {
        return Attempt.finalOutcome(GenerationOutcome.failed(Status.REFUSED, ProviderDetail.of("refused")), 400, List.of());
    }

    /** A 503: retried, and counted by the breaker. */
    private static Attempt unavailable() {
        return Attempt.retryable(GenerationOutcome.failed(Status.ERROR, ProviderDetail.of("unavailable")), 503,
                Optional.of(Duration.ofMillis(1)));
    }

    private static Attempt throttled(Duration retryAfter) {
        return Attempt.retryable(GenerationOutcome.failed(Status.THROTTLED, ProviderDetail.of("slow down")), 429,
                Optional.of(retryAfter));
    }

    private static GeneratorConfig.Settings settings(int concurrency, int maxAttempts, int failureThreshold,
            Duration openFor) {
        return new Settings(GeneratorConfig.ProviderType.OPENAI, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), "image-range", Duration.ofSeconds(1), Duration.ofSeconds(1), concurrency,
                new RetrySettings(maxAttempts, Duration.ofMillis(10), Duration.ofSeconds(1), Duration.ofSeconds(5)),
                new BreakerSettings(failureThreshold, openFor), Map.of(), 3000, Optional.empty(), Duration.ofSeconds(60));
    }

    /** A generator name of its own: each guard's breaker is registered under its generator's name. */
    private static String unique(String name) {
        return name + "-" + UUID.randomUUID();
    }

    /** A generator's settings as configuration would give them; a record's accessors implement the mapping. */
    private record Settings(GeneratorConfig.ProviderType type, Optional<URI> baseUrl, Optional<String> apiKey,
            Optional<String> model, Optional<String> size, String window, Duration connectTimeout, Duration timeout,
            int concurrency, GeneratorConfig.Retry retry, GeneratorConfig.CircuitBreaker circuitBreaker,
            Map<String, String> parameters, int maxIterations, Optional<MemorySize> workingMemory, Duration timeBudget)
            implements GeneratorConfig.Settings {
    }

    private record RetrySettings(int maxAttempts, Duration initialDelay, Duration maxDelay, Duration maxWait)
            implements GeneratorConfig.Retry {
    }

    private record BreakerSettings(int failureThreshold, Duration openFor) implements GeneratorConfig.CircuitBreaker {
    }
}
