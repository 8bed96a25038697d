package io.synthgate.generator.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import io.synthgate.generator.Candidate;
import io.synthgate.generator.CanvasSize;
import io.synthgate.generator.EgressGuard;
import io.synthgate.generator.GenerationOutcome.ProviderDetail;
import io.synthgate.generator.GenerationOutcome.Status;
import io.synthgate.generator.GenerationOutcome;
import io.synthgate.generator.GenerationRequest;
import io.synthgate.generator.Generator;
import io.synthgate.generator.GeneratorCall;
import io.synthgate.generator.GeneratorCallLog;
import io.synthgate.generator.GeneratorConfig;
import io.synthgate.generator.GeneratorIdentity;
import io.synthgate.generator.SamplingParameters;
import io.synthgate.pipeline.CpuPermits;
import io.synthgate.pipeline.GenerationOperation;
import io.synthgate.pixels.Hashes;
import io.synthgate.pixels.Planes;
import io.synthgate.pixels.WindowChoice;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * What every HTTP generator shares: the egress guard before anything is sent, the call policy
 * (concurrency, retries, circuit breaker), the audit of each call, and the mapping of returned
 * pictures back onto the source. Subclasses speak one provider's API: they build the request and
 * read the reply.
 */
public abstract class HttpGenerator implements Generator {

    private final String name;
    private final GeneratorConfig.Settings settings;
    private final URI baseUrl;
    private final HttpClient http;
    private final CallPolicy policy;
    private final GeneratorCallLog log;
    private final Clock clock;
    private final ObjectMapper json;
    private final WindowChoice window;

    /** The shared collaborators every adapter is built with. */
    public record Collaborators(GeneratorCallLog log, ObjectMapper json, Clock clock) {
    }

    protected HttpGenerator(String name, GeneratorConfig.Settings settings, Collaborators collaborators) {
        this.name = name;
        this.settings = settings;
        this.baseUrl = settings.baseUrl().orElseThrow(() -> new IllegalArgumentException(
                "synthgate.generator." + name + ".base-url is required for a " + settings.type() + " generator"));
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.connectTimeout()).followRedirects(HttpClient.Redirect.NEVER).build();
        this.policy = new CallPolicy(name, settings, collaborators.clock());
        this.log = collaborators.log();
        this.clock = collaborators.clock();
        this.json = collaborators.json();
        try {
            this.window = WindowChoice.parse(settings.window());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("synthgate.generator." + name + ".window: " + e.getMessage(), e);
        }
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public GeneratorIdentity identity() {
        return new GeneratorIdentity(providerName(), settings.model().orElse(providerName()), apiVersion());
    }

    @Override
    public WindowChoice window() {
        return window;
    }

    /**
     * The configured diffusion settings under the names the providers use: {@code denoising_strength},
     * {@code creativity} or {@code strength}; {@code steps}; {@code cfg_scale} or {@code guidance}.
     */
    @Override
    public SamplingParameters sampling() {
        Map<String, String> parameters = settings.parameters();
        return new SamplingParameters(decimal(parameters, "denoising_strength", "creativity", "strength"),
                parameters.containsKey("steps") ? OptionalInt.of(Integer.parseInt(parameters.get("steps").strip()))
                        : OptionalInt.empty(),
                decimal(parameters, "cfg_scale", "guidance"));
    }

    private static OptionalDouble decimal(Map<String, String> parameters, String... names) {
        for (String name : names) {
            if (parameters.containsKey(name)) {
                return OptionalDouble.of(Double.parseDouble(parameters.get(name).strip()));
            }
        }
        return OptionalDouble.empty();
    }

    /** The circuit breaker's state, for health. */
    public CircuitBreakerState circuitState() {
        return policy.breakerState();
    }

    /** What health says about this generator beyond the circuit state; empty when nothing is wrong. */
    public Optional<String> readinessProblem() {
        return Optional.empty();
    }

    @Override
    public final GenerationOutcome generate(GenerationRequest request) {
        Optional<String> blocked = EgressGuard.check(request);
        if (blocked.isPresent()) {
            GenerationOutcome refused = GenerationOutcome.failed(Status.REFUSED, new ProviderDetail(
                    Optional.of("egress_guard"), "SynthGate kept the request on site: " + blocked.get(), Optional.empty()));
            audit(request, 0, "(not sent)", Attempt.finalOutcome(refused, 0, List.of()), clock.instant(), 0,
                    Optional.empty(), Optional.empty(), "(withheld)");
            return refused;
        }
        Optional<String> unsupported = unsupported(request.operation());
        if (unsupported.isPresent()) {
            return GenerationOutcome.failed(Status.ERROR, ProviderDetail.of(unsupported.get()));
        }
        List<Candidate> candidates = new ArrayList<>();
        GenerationOutcome last = null;
        for (int call = 0; candidates.size() < request.candidates(); call++) {
            int wanted = Math.min(maxCandidatesPerCall(), request.candidates() - candidates.size());
            PreparedCall prepared;
            try {
                prepared = prepare(request, wanted, call);
            } catch (IllegalArgumentException e) {
                return GenerationOutcome.failed(Status.ERROR, ProviderDetail.of(e.getMessage()));
            }
            // A call waits for a slot, for the provider and between retries; its reply is read in passing.
            last = CpuPermits.whileWaiting(() -> policy.execute((attempt, exchanged) -> send(request, prepared, attempt,
                    exchanged)));
            if (last.status() != Status.OK) {
                return last;
            }
            candidates.addAll(last.candidates());
        }
        return GenerationOutcome.ok(candidates, last.detail());
    }

    /** The provider's name as recorded in provenance ("OpenAI", "AUTOMATIC1111", ...). */
    protected abstract String providerName();

    /** The API's version as recorded in provenance. */
    protected abstract String apiVersion();

    /** Why this adapter cannot do {@code operation}, or empty when it can. */
    protected Optional<String> unsupported(GenerationOperation operation) {
        return Optional.empty();
    }

    /** How many candidates one call may ask for. */
    protected int maxCandidatesPerCall() {
        return 1;
    }

    /**
     * Builds the {@code call}-th HTTP call (from 0) of a request, asking for {@code candidates} results.
     * An {@link IllegalArgumentException} says the request cannot be expressed in this API.
     */
    protected abstract PreparedCall prepare(GenerationRequest request, int candidates, int call);

    /**
     * One HTTP call ready to send, and how to read its answer.
     *
     * @param request the HTTP request; sent again unchanged on retries
     * @param endpoint the path called, for the audit
     * @param inputSha256 SHA-256 of the image bytes sent, when any
     * @param maskSha256 SHA-256 of the mask bytes sent, when any
     * @param reader turns the answer into an attempt
     */
    protected record PreparedCall(HttpRequest request, String endpoint, Optional<String> inputSha256,
            Optional<String> maskSha256, ReplyReader reader) {
    }

    /** Reads a provider's answer. */
    @FunctionalInterface
    protected interface ReplyReader {
        Attempt read(Reply reply) throws MalformedReplyException;
    }

    protected final GeneratorConfig.Settings settings() {
        return settings;
    }

    protected final ObjectMapper json() {
        return json;
    }

    protected final Clock clock() {
        return clock;
    }

    /** A POST to {@code path} under the base URL, with the call timeout and SynthGate's user agent. */
    protected final HttpRequest.Builder post(String path) {
        return HttpRequest.newBuilder(endpoint(path)).timeout(settings.timeout()).header("User-Agent", "SynthGate");
    }

    protected final URI endpoint(String path) {
        String base = baseUrl.toString();
        return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path);
    }

    /**
     * The picture size for {@code request}: the one it asks for, else the configured one, else the
     * adapter's {@link #defaultSize()}; checked against what the provider accepts.
     */
    protected final CanvasSize size(GenerationRequest request) {
        CanvasSize size = request.size().orElseGet(this::configuredSize);
        checkSize(size);
        return size;
    }

    /** The configured size, or the adapter's default when none is configured. */
    protected final CanvasSize configuredSize() {
        return settings.size().map(text -> CanvasSize.parse(text, "synthgate.generator." + name + ".size"))
                .orElseGet(this::defaultSize);
    }

    /** The size this provider works at when neither the request nor the configuration names one. */
    protected CanvasSize defaultSize() {
        return new CanvasSize(1024, 1024);
    }

    /** An {@link IllegalArgumentException} when the provider cannot work at {@code size}. */
    protected void checkSize(CanvasSize size) {
    }

    /** The configured extra parameters as JSON values: numbers and booleans typed, everything else text. */
    protected final void putParameters(ObjectNode body) {
        for (Map.Entry<String, String> parameter : settings.parameters().entrySet()) {
            body.set(parameter.getKey(), JsonValues.typed(json, parameter.getValue()));
        }
    }

    /**
     * The pictures a provider returned, mapped back onto the source grid through {@code canvas}; for
     * text-to-image, the pictures as they are, in grayscale.
     */
    protected final Attempt candidates(GenerationRequest request, Canvas canvas, List<byte[]> images,
            List<OptionalLong> seeds, int status, ProviderDetail detail) throws MalformedReplyException {
        if (images.isEmpty()) {
            throw new MalformedReplyException("HTTP " + status + " without any image");
        }
        List<Candidate> candidates = new ArrayList<>();
        List<String> hashes = new ArrayList<>();
        for (int i = 0; i < images.size(); i++) {
            BufferedImage picture = Png.decode(images.get(i));
            hashes.add(Hashes.sha256(images.get(i)));
            OptionalLong seed = i < seeds.size() ? seeds.get(i) : OptionalLong.empty();
            boolean resampled = request.hasImage() && (canvas.resamples(request.image().columns(), request.image().rows())
                    || picture.getWidth() != canvas.width() || picture.getHeight() != canvas.height());
            candidates.add(new Candidate(restore(request, canvas, picture), seed, resampled));
        }
        return Attempt.finalOutcome(GenerationOutcome.ok(candidates, detail), status, hashes);
    }

    private static Planes restore(GenerationRequest request, Canvas canvas, BufferedImage picture) {
        if (!request.hasImage()) {
            Canvas whole = new Canvas(picture.getWidth(), picture.getHeight(), 0, 0, picture.getWidth(), picture.getHeight());
            return whole.restore(picture, new io.synthgate.image.Rendering(0, 255, false), picture.getWidth(),
                    picture.getHeight(), 1, 0, 255);
        }
        Planes image = request.image();
        return canvas.restore(picture, request.rendering(), image.columns(), image.rows(), image.channels(),
                image.minValue(), image.maxValue());
    }

    /**
     * The outcome of an answer that carries no result, for the statuses every provider shares: 429 is
     * throttling (retried after the provider's wait), 408, 409 and 5xx are retried, anything else is final.
     */
    protected final Attempt unsuccessful(Reply reply, Optional<String> code, String message, Optional<String> requestId) {
        ProviderDetail detail = new ProviderDetail(code, "HTTP " + reply.status() + (message.isBlank() ? "" : " " + message),
                requestId);
        int status = reply.status();
        if (status == 429) {
            return Attempt.retryable(GenerationOutcome.failed(Status.THROTTLED, detail), status,
                    RetryAfter.from(reply.headers(), clock));
        }
        if (status == 408 || status == 409 || status >= 500) {
            return Attempt.retryable(GenerationOutcome.failed(Status.ERROR, detail), status,
                    RetryAfter.from(reply.headers(), clock));
        }
        return Attempt.finalOutcome(GenerationOutcome.failed(Status.ERROR, detail), status, List.of());
    }

    /** A final outcome without candidates: a refusal, a filter, or an error not worth retrying. */
    protected static Attempt finalOutcome(Status status, Reply reply, Optional<String> code, String message,
            Optional<String> requestId) {
        return Attempt.finalOutcome(GenerationOutcome.failed(status, new ProviderDetail(code, message, requestId)),
                reply.status(), List.of());
    }

    /** A base64 image as providers return it, with or without a {@code data:} URL prefix. */
    protected static byte[] base64Image(String text) throws MalformedReplyException {
        String payload = text.startsWith("data:") ? text.substring(text.indexOf(',') + 1) : text;
        try {
            return java.util.Base64.getMimeDecoder().decode(payload);
        } catch (IllegalArgumentException e) {
            throw new MalformedReplyException("an image that is not valid base64: " + e.getMessage());
        }
    }

    /** Text of a JSON field, empty when absent or null. */
    protected static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(value.asText());
    }

    /**
     * One attempt: the exchange, then {@code exchanged} (which frees the call's slot), then the answer
     * read and the attempt audited, with the latency of the exchange alone.
     */
    private Attempt send(GenerationRequest request, PreparedCall prepared, int attemptNumber, Runnable exchanged) {
        Instant at = clock.instant();
        long start = System.nanoTime();
        long latencyMillis = -1;
        Attempt attempt;
        try {
            HttpResponse<byte[]> response;
            try {
                response = http.send(prepared.request(), HttpResponse.BodyHandlers.ofByteArray());
            } finally {
                latencyMillis = (System.nanoTime() - start) / 1_000_000;
                exchanged.run();
            }
            Reply reply = new Reply(response.statusCode(), response.headers(), response.body());
            try {
                attempt = prepared.reader().read(reply);
            } catch (MalformedReplyException e) {
                attempt = Attempt.finalOutcome(GenerationOutcome.failed(Status.ERROR, new ProviderDetail(
                        Optional.of("malformed_reply"), "the provider's answer does not follow its API: " + e.getMessage(),
                        Optional.empty())), reply.status(), List.of());
            }
        } catch (HttpTimeoutException e) {
            attempt = Attempt.retryable(GenerationOutcome.failed(Status.ERROR, new ProviderDetail(Optional.of("timeout"),
                    "no answer within " + settings.timeout(), Optional.empty())), 0, Optional.empty());
        } catch (IOException e) {
            attempt = Attempt.retryable(GenerationOutcome.failed(Status.ERROR, new ProviderDetail(
                    Optional.of("connection"), "the call to " + prepared.endpoint() + " failed: " + e, Optional.empty())),
                    0, Optional.empty());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            attempt = Attempt.finalOutcome(GenerationOutcome.failed(Status.ERROR, ProviderDetail.of("interrupted")), 0,
                    List.of());
        }
        audit(request, attemptNumber, prepared.endpoint(), attempt, at, latencyMillis, prepared.inputSha256(),
                prepared.maskSha256(), request.prompt());
        return attempt;
    }

    private void audit(GenerationRequest request, int attemptNumber, String endpoint, Attempt attempt, Instant at,
            long latencyMillis, Optional<String> inputSha256, Optional<String> maskSha256, String prompt) {
        GenerationOutcome outcome = attempt.outcome();
        log.record(new GeneratorCall(at, name, settings.type().name().toLowerCase(java.util.Locale.ROOT),
                settings.model().orElse(null), request.operation().name(), request.reference(), attemptNumber, endpoint,
                attempt.httpStatus() == 0 ? Optional.empty() : Optional.of(attempt.httpStatus()), outcome.status().name(),
                outcome.detail().code(), outcome.detail().requestId(), outcome.detail().message(), prompt, inputSha256,
                maskSha256, attempt.outputSha256(), latencyMillis));
    }
}
