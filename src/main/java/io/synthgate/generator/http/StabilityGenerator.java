package io.synthgate.generator.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.synthgate.generator.CanvasSize;
import io.synthgate.generator.GenerationOutcome.ProviderDetail;
import io.synthgate.generator.GenerationOutcome.Status;
import io.synthgate.generator.GenerationRequest;
import io.synthgate.generator.GeneratorConfig;
import io.synthgate.pipeline.GenerationOperation;
import io.synthgate.pixels.Hashes;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Stability AI REST v2beta ({@code generator-apis.md} §3): {@code edit/inpaint} as multipart with a
 * grayscale mask (white = regenerate) for inpainting, outpainting (on a grown canvas) and erasing.
 * One image per call. A 200 whose {@code finish_reason} is {@code CONTENT_FILTERED} is FILTERED, a
 * 403 {@code content_moderation} is REFUSED, and a 429 waits out Stability's 60-second lockout.
 */
public class StabilityGenerator extends HttpGenerator {

    static final String INPAINT = "/v2beta/stable-image/edit/inpaint";
    /** Stability locks a client out for 60 s after too many requests and does not always say so. */
    private static final Duration LOCKOUT = Duration.ofSeconds(60);
    private static final long MAX_SEED = 4_294_967_294L;

    public StabilityGenerator(String name, GeneratorConfig.Settings settings, Collaborators collaborators) {
        super(name, settings, collaborators);
    }

    @Override
    protected String providerName() {
        return "Stability AI";
    }

    @Override
    protected String apiVersion() {
        return "v2beta";
    }

    @Override
    protected Optional<String> unsupported(GenerationOperation operation) {
        return operation == GenerationOperation.TXT2IMG
                ? Optional.of("The Stability adapter speaks edit/inpaint: it does inpaint, outpaint and erase, not "
                        + "text-to-image")
                : Optional.empty();
    }

    @Override
    protected PreparedCall prepare(GenerationRequest request, int candidates, int call) {
        if (request.prompt().isBlank() || request.prompt().length() > 10_000) {
            throw new IllegalArgumentException("Stability inpainting needs a prompt of 1 to 10000 characters; this one has "
                    + request.prompt().length());
        }
        CanvasSize size = size(request);
        Canvas canvas = Canvas.scaled(request.image().columns(), request.image().rows(),
                Math.max(size.width(), size.height()), 8);
        byte[] image = Png.encode(canvas.render(request.image(), request.rendering()));
        byte[] mask = Png.encodeMask(canvas.render(request.mask(), Canvas.MaskPolarity.WHITE_REGENERATES));
        Multipart form = new Multipart()
                .file("image", "image.png", "image/png", image)
                .file("mask", "mask.png", "image/png", mask)
                .field("prompt", request.prompt())
                .field("output_format", "png");
        if (!request.negativePrompt().isBlank()) {
            form.field("negative_prompt", request.negativePrompt());
        }
        OptionalLong sent = request.seed().isPresent()
                ? OptionalLong.of(Math.floorMod(request.seed().getAsLong() + call, MAX_SEED) + 1) : OptionalLong.empty();
        if (sent.isPresent()) {
            form.field("seed", Long.toString(sent.getAsLong()));
        }
        settings().parameters().forEach(form::field);
        HttpRequest.Builder builder = post(INPAINT).header("Content-Type", form.contentType())
                .header("Accept", "application/json").header("stability-client-id", "SynthGate");
        settings().apiKey().ifPresent(key -> builder.header("Authorization", "Bearer " + key));
        return new PreparedCall(builder.POST(HttpRequest.BodyPublishers.ofByteArray(form.toByteArray())).build(), INPAINT,
                Optional.of(Hashes.sha256(image)), Optional.of(Hashes.sha256(mask)),
                reply -> read(request, canvas, sent, reply));
    }

    private Attempt read(GenerationRequest request, Canvas canvas, OptionalLong sent, Reply reply)
            throws MalformedReplyException {
        Optional<String> requestId = reply.header("x-request-id");
        if (!reply.isSuccess()) {
            Optional<JsonNode> error = reply.jsonIfAny(json());
            Optional<String> name = error.flatMap(body -> text(body, "name"));
            requestId = requestId.or(() -> error.flatMap(body -> text(body, "id")));
            String message = error.map(body -> body.path("errors").toString()).orElse("");
            if (reply.status() == 403 && name.filter("content_moderation"::equals).isPresent()) {
                return finalOutcome(Status.REFUSED, reply, name, message, requestId);
            }
            if (reply.status() == 402 || reply.status() == 413) {
                return finalOutcome(Status.ERROR, reply, name.or(() -> Optional.of(Integer.toString(reply.status()))),
                        "HTTP " + reply.status() + " " + message, requestId);
            }
            Attempt attempt = unsuccessful(reply, name, message, requestId);
            return reply.status() == 429 && attempt.retryAfter().isEmpty()
                    ? new Attempt(attempt.outcome(), true, Optional.of(LOCKOUT), reply.status(), List.of())
                    : attempt;
        }
        byte[] picture;
        Optional<String> finishReason;
        OptionalLong seed;
        if (reply.header("content-type").filter(type -> type.startsWith("image/")).isPresent()) {
            picture = reply.body();
            finishReason = reply.header("finish-reason");
            seed = reply.header("seed").map(value -> OptionalLong.of(Long.parseLong(value.strip())))
                    .orElse(OptionalLong.empty());
        } else {
            JsonNode body = reply.json(json());
            finishReason = text(body, "finish_reason");
            seed = body.path("seed").canConvertToLong() ? OptionalLong.of(body.path("seed").asLong()) : OptionalLong.empty();
            picture = text(body, "image").isPresent() ? base64Image(text(body, "image").get()) : null;
        }
        if (finishReason.filter("CONTENT_FILTERED"::equals).isPresent()) {
            return finalOutcome(Status.FILTERED, reply, finishReason, "Stability returned a censored image", requestId);
        }
        if (picture == null) {
            throw new MalformedReplyException("HTTP " + reply.status() + " without an image");
        }
        return candidates(request, canvas, List.of(picture), List.of(seed.isPresent() ? seed : sent), reply.status(),
                new ProviderDetail(finishReason, "", requestId));
    }
}
