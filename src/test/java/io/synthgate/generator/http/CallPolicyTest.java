package io.synthgate.generator.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.synthgate.generator.GenerationOutcome;
import io.synthgate.generator.GenerationOutcome.ProviderDetail;
import io.synthgate.generator.GenerationOutcome.Status;
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
        return new GeneratorConfig.Settings() {
            @Override
            public GeneratorConfig.ProviderType type() {
                return GeneratorConfig.ProviderType.OPENAI;
            }

            @Override
            public Optional<URI> baseUrl() {
                return Optional.empty();
            }

            @Override
            public Optional<String> apiKey() {
                return Optional.empty();
            }

            @Override
            public Optional<String> model() {
                return Optional.empty();
            }

            @Override
            public Optional<String> size() {
                return Optional.empty();
            }

            @Override
            public String window() {
                return "image-range";
            }

            @Override
            public Duration connectTimeout() {
                return Duration.ofSeconds(1);
            }

            @Override
            public Duration timeout() {
                return Duration.ofSeconds(1);
            }

            @Override
            public int concurrency() {
                return concurrency;
            }

            @Override
            public GeneratorConfig.Retry retry() {
                return new GeneratorConfig.Retry() {
                    @Override
                    public int maxAttempts() {
                        return maxAttempts;
                    }

                    @Override
                    public Duration initialDelay() {
                        return Duration.ofMillis(10);
                    }

                    @Override
                    public Duration maxDelay() {
                        return Duration.ofSeconds(1);
                    }

                    @Override
                    public Duration maxWait() {
                        return Duration.ofSeconds(5);
                    }
                };
            }

            @Override
            public GeneratorConfig.CircuitBreaker circuitBreaker() {
                return new GeneratorConfig.CircuitBreaker() {
                    @Override
                    public int failureThreshold() {
                        return 5;
                    }

                    @Override
                    public Duration openFor() {
                        return Duration.ofSeconds(60);
                    }
                };
            }

            @Override
            public Map<String, String> parameters() {
                return Map.of();
            }

            @Override
            public int maxIterations() {
                return 3000;
            }
        };
    }
}
