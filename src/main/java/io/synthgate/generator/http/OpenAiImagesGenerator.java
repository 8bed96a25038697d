package io.synthgate.generator.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.synthgate.generator.CanvasSize;
import io.synthgate.generator.GenerationOutcome.ProviderDetail;
import io.synthgate.generator.GenerationOutcome.Status;
import io.synthgate.generator.GenerationRequest;
import io.synthgate.generator.GeneratorConfig;
import io.synthgate.pixels.Hashes;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * OpenAI Images ({@code generator-apis.md} §1): {@code POST /images/generations} for text-to-image and
 * {@code POST /images/edits} (multipart, mask transparent where to edit) for inpainting, outpainting
 * and erasing. Speaks the {@code gpt-image-*} shape, and the DALL-E 2 shape (square 256/512/1024
 * PNG under 4 MB, {@code response_format=b64_json}) when the model is {@code dall-e-2}, for the
 * OpenAI-compatible self-hosted servers that replay the original study. The base URL includes the
 * API version, as in OpenAI's SDKs: {@code https://api.openai.com/v1}.
 */
public class OpenAiImagesGenerator extends HttpGenerator {

    private static final int DALL_E_2_MAX_PNG_BYTES = 4 * 1024 * 1024;
    private static final Set<Integer> DALL_E_2_SIDES = Set.of(256, 512, 1024);
    private static final String DALL_E_2 = "dall-e-2";

    private final String model;
    private final boolean dallE2Shape;

    public OpenAiImagesGenerator(String name, GeneratorConfig.Settings settings, Collaborators collaborators) {
        super(name, settings, collaborators);
        this.model = settings.model().orElseThrow(() -> new IllegalArgumentException("synthgate.generator." + name
                + ".model is required for OpenAI Images (e.g. gpt-image-2): the API's own default changes"));
        this.dallE2Shape = model.startsWith(DALL_E_2);
        checkSize(configuredSize());
    }

    @Override
    protected void checkSize(CanvasSize size) {
        if (dallE2Shape && (size.width() != size.height() || !DALL_E_2_SIDES.contains(size.width()))) {
            throw new IllegalArgumentException("The size for " + model + " must be 256x256, 512x512 or 1024x1024, not "
                    + size);
        }
    }

    @Override
    protected String providerName() {
        return "OpenAI";
    }

    @Override
    protected String apiVersion() {
        return "images-v1";
    }

    @Override
    protected int maxCandidatesPerCall() {
        return 10;
    }

    @Override
    protected PreparedCall prepare(GenerationRequest request, int candidates, int call) {
        int maxPrompt = dallE2Shape ? 1000 : 32000;
        if (request.prompt().isBlank() || request.prompt().length() > maxPrompt) {
            throw new IllegalArgumentException("OpenAI " + model + " needs a prompt of 1 to " + maxPrompt
                    + " characters; this one has " + request.prompt().length());
        }
        CanvasSize size = size(request);
        return request.hasImage() ? edit(request, candidates, size) : generation(request, candidates, size);
    }

    private PreparedCall generation(GenerationRequest request, int candidates, CanvasSize size) {
        ObjectNode body = json().createObjectNode();
        body.put("model", model);
        body.put("prompt", request.prompt());
        body.put("n", candidates);
        body.put("size", size.toString());
        body.put("user", request.reference());
        if (dallE2Shape) {
            body.put("response_format", "b64_json");
        }
        putParameters(body);
        HttpRequest http = authorised(post("/images/generations")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .build();
        return new PreparedCall(http, "/images/generations", Optional.empty(), Optional.empty(),
                reply -> read(request, null, reply));
    }

    private PreparedCall edit(GenerationRequest request, int candidates, CanvasSize size) {
        Canvas canvas = Canvas.fit(request.image().columns(), request.image().rows(), size.width(), size.height());
        byte[] image = Png.encode(canvas.render(request.image(), request.rendering()));
        if (dallE2Shape && image.length >= DALL_E_2_MAX_PNG_BYTES && size.width() > 512) {
            // A 1024-pixel RGB picture of a noisy radiograph can exceed DALL-E 2's 4 MB; 512 always fits.
            canvas = Canvas.fit(request.image().columns(), request.image().rows(), 512, 512);
            image = Png.encode(canvas.render(request.image(), request.rendering()));
        }
        byte[] mask = Png.encodeMask(canvas.render(request.mask(), Canvas.MaskPolarity.TRANSPARENT_REGENERATES));
        Multipart form = new Multipart()
                .field("model", model)
                .file("image", "image.png", "image/png", image)
                .file("mask", "mask.png", "image/png", mask)
                .field("prompt", request.prompt())
                .field("n", Integer.toString(candidates))
                .field("size", canvas.width() + "x" + canvas.height())
                .field("user", request.reference());
        if (dallE2Shape) {
            form.field("response_format", "b64_json");
        }
        settings().parameters().forEach(form::field);
        HttpRequest http = authorised(post("/images/edits")).header("Content-Type", form.contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(form.toByteArray())).build();
        Canvas placed = canvas;
        return new PreparedCall(http, "/images/edits", Optional.of(Hashes.sha256(image)), Optional.of(Hashes.sha256(mask)),
                reply -> read(request, placed, reply));
    }

    private HttpRequest.Builder authorised(HttpRequest.Builder builder) {
        settings().apiKey().ifPresent(key -> builder.header("Authorization", "Bearer " + key));
        return builder;
    }

    private Attempt read(GenerationRequest request, Canvas canvas, Reply reply) throws MalformedReplyException {
        Optional<String> requestId = reply.header("x-request-id");
        if (!reply.isSuccess()) {
            Optional<JsonNode> error = reply.jsonIfAny(json()).map(body -> body.get("error"));
            Optional<String> code = error.flatMap(e -> text(e, "code"));
            String message = error.flatMap(e -> text(e, "message")).orElse("");
            if (code.filter(c -> c.equals("content_policy_violation") || c.equals("moderation_blocked")).isPresent()) {
                return finalOutcome(Status.REFUSED, reply, code, message, requestId);
            }
            if (code.filter(c -> c.equals("insufficient_quota") || c.equals("model_not_found")
                    || c.equals("billing_hard_limit_reached")).isPresent()) {
                return finalOutcome(Status.ERROR, reply, code, "HTTP " + reply.status() + " " + message, requestId);
            }
            return unsuccessful(reply, code.or(() -> error.flatMap(e -> text(e, "type"))), message, requestId);
        }
        JsonNode data = reply.json(json()).get("data");
        if (data == null || !data.isArray()) {
            throw new MalformedReplyException("HTTP " + reply.status() + " without a data array");
        }
        List<byte[]> images = new ArrayList<>();
        for (JsonNode item : data) {
            Optional<String> b64 = text(item, "b64_json");
            if (b64.isPresent()) {
                images.add(base64Image(b64.get()));
            } else {
                throw new MalformedReplyException("HTTP " + reply.status() + " with an image given as "
                        + (item.hasNonNull("url") ? "a URL; SynthGate asks for b64_json and fetches nothing from URLs"
                                : "neither b64_json nor url"));
            }
        }
        return candidates(request, canvas, images, List.<OptionalLong>of(), reply.status(),
                new ProviderDetail(Optional.empty(), "", requestId));
    }
}
