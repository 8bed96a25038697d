package io.synthgate.generator;

import io.quarkus.runtime.annotations.ConfigPhase;
import io.quarkus.runtime.annotations.ConfigRoot;
import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import io.smallrye.config.WithParentName;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** The generators: {@code synthgate.generator.default} and {@code synthgate.generator.<name>.*}. */
@ConfigMapping(prefix = "synthgate.generator")
@ConfigRoot(phase = ConfigPhase.RUN_TIME)
public interface GeneratorConfig {

    /** Name of the generator used when a route does not choose one. Default {@code builtin}. */
    @WithDefault("builtin")
    @WithName("default")
    String defaultGenerator();

    /** Generators by name; routes and {@code synthgate.generator.default} refer to them by that name. */
    @WithParentName
    Map<String, Settings> generators();

    /** One generator. Only {@code type} and {@code base-url} are required for an HTTP generator. */
    interface Settings {
        /** The provider's API: {@code builtin}, {@code openai}, {@code a1111}, {@code stability} or {@code kserve}. Required. */
        ProviderType type();

        /** Where the provider's API lives, e.g. {@code https://api.openai.com}. Required for HTTP generators. */
        Optional<URI> baseUrl();

        /**
         * The secret the provider expects: a bearer key (OpenAI, Stability, KServe behind a gateway) or
         * {@code user:password} for AUTOMATIC1111's {@code --api-auth}. Set it from the environment
         * ({@code SYNTHGATE_GENERATOR_<NAME>_API_KEY}); it is never logged. No default.
         */
        Optional<String> apiKey();

        /** The model to ask for; OpenAI requires it (e.g. {@code gpt-image-2}), KServe uses it as the model name. */
        Optional<String> model();

        /**
         * Canvas size sent to the provider, {@code WIDTHxHEIGHT}. Defaults per provider: OpenAI
         * {@code 1024x1024}, AUTOMATIC1111 {@code 512x512}, Stability and KServe {@code 1024x1024}
         * (Stability: the longest side; the image keeps its aspect).
         */
        Optional<String> size();

        /**
         * Which values the 8-bit picture sent spans: {@code image-range} (default; nothing
         * saturates), {@code preset} (the source's first Window Center/Width) or {@code CENTER/WIDTH}
         * in modality units, e.g. {@code 40/400}. See {@link io.synthgate.pixels.WindowChoice}.
         */
        @WithDefault("image-range")
        String window();

        /** How long to wait for a TCP connection. Default {@code 10s}. */
        @WithDefault("10s")
        Duration connectTimeout();

        /** How long one HTTP call may take, upload and generation included. Default {@code 180s}. */
        @WithDefault("180s")
        Duration timeout();

        /** Calls in flight at once; AUTOMATIC1111 serialises internally, so 1 is right for it. Default {@code 2}. */
        @WithDefault("2")
        int concurrency();

        /** Retries of throttled and failed calls. */
        Retry retry();

        /** When to stop calling a provider that keeps failing. */
        CircuitBreaker circuitBreaker();

        /**
         * Provider-specific request fields sent as they are, e.g. {@code steps=30},
         * {@code cfg_scale=7}, {@code quality=high}, {@code input_fidelity=high}. Numbers and
         * {@code true}/{@code false} are sent as JSON numbers and booleans. Default none.
         */
        Map<String, String> parameters();

        /**
         * Built-in generator only: most conjugate-gradient iterations of its biharmonic solve per
         * channel; it stops sooner once converged. Default {@code 3000}.
         */
        @WithDefault("3000")
        int maxIterations();

        /**
         * Built-in generator only: heap its fills may hold together (e.g. {@code 512M}); a fill waits
         * while others hold too much, and one that needs more than all of it is refused with the
         * figures. Default three quarters of the heap ({@code -Xmx}).
         */
        Optional<MemorySize> workingMemory();

        /**
         * Built-in generator only: how long its patch completion may take per image before the region
         * is filled by the biharmonic fill with texture instead, which the synthetic object's
         * provenance then says. Default {@code 60s}.
         */
        @WithDefault("60s")
        Duration timeBudget();
    }

    /** Retry policy: exponential backoff with jitter, or the provider's own retry-after when it gives one. */
    interface Retry {
        /** Calls per request, the first one included. Default {@code 4}. */
        @WithDefault("4")
        int maxAttempts();

        /** Backoff before the second call; doubled before each next one. Default {@code 1s}. */
        @WithDefault("1s")
        Duration initialDelay();

        /** Longest backoff between calls. Default {@code 30s}. */
        @WithDefault("30s")
        Duration maxDelay();

        /**
         * Longest wait a provider may ask for (retry-after, x-ratelimit-reset-*); asked for more, the
         * request ends THROTTLED instead of holding a slot. Default {@code 90s} (Stability locks out for 60 s).
         */
        @WithDefault("90s")
        Duration maxWait();
    }

    /** Circuit breaker: after this many failed calls in a row, calls stop for a while. */
    interface CircuitBreaker {
        /** Consecutive failed calls (errors, timeouts, 5xx, throttling) that open the circuit. Default {@code 5}. */
        @WithDefault("5")
        int failureThreshold();

        /** How long an open circuit refuses calls before one trial call. Default {@code 60s}. */
        @WithDefault("60s")
        Duration openFor();
    }

    /** The generator APIs SynthGate speaks. */
    enum ProviderType {
        BUILTIN,
        OPENAI,
        A1111,
        STABILITY,
        KSERVE
    }
}
