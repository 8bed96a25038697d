package io.synthgate.generator.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

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
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** When a call holds one of its generator's slots: during each exchange and each wait to retry, not while reading an answer. */
class CallPolicyTest {

    private final CallPolicy oneSlot = new CallPolicy("serial", settings(1, 3), Clock.systemUTC());

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

    /** A final answer; which one does not matter to the slots, and a refusal needs no pictures. */
    private static Attempt answered() {
        return Attempt.finalOutcome(GenerationOutcome.failed(Status.REFUSED, ProviderDetail.of("refused")), 400, List.of());
    }

    private static Attempt throttled(Duration retryAfter) {
        return Attempt.retryable(GenerationOutcome.failed(Status.THROTTLED, ProviderDetail.of("slow down")), 429,
                Optional.of(retryAfter));
    }

    private static GeneratorConfig.Settings settings(int concurrency, int maxAttempts) {
        return new Settings(GeneratorConfig.ProviderType.OPENAI, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), "image-range", Duration.ofSeconds(1), Duration.ofSeconds(1), concurrency,
                new RetrySettings(maxAttempts, Duration.ofMillis(10), Duration.ofSeconds(1), Duration.ofSeconds(5)),
                new BreakerSettings(5, Duration.ofSeconds(60)), Map.of(), 3000);
    }

    /** A generator's settings as configuration would give them; a record's accessors implement the mapping. */
    private record Settings(GeneratorConfig.ProviderType type, Optional<URI> baseUrl, Optional<String> apiKey,
            Optional<String> model, Optional<String> size, String window, Duration connectTimeout, Duration timeout,
            int concurrency, GeneratorConfig.Retry retry, GeneratorConfig.CircuitBreaker circuitBreaker,
            Map<String, String> parameters, int maxIterations) implements GeneratorConfig.Settings {
    }

    private record RetrySettings(int maxAttempts, Duration initialDelay, Duration maxDelay, Duration maxWait)
            implements GeneratorConfig.Retry {
    }

    private record BreakerSettings(int failureThreshold, Duration openFor) implements GeneratorConfig.CircuitBreaker {
    }
}
