package io.synthgate.generator.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.synthgate.generator.CanvasSize;
import io.synthgate.generator.GenerationOutcome.ProviderDetail;
import io.synthgate.generator.GenerationRequest;
import io.synthgate.generator.GeneratorConfig;
import io.synthgate.generator.SamplingParameters;
import io.synthgate.pixels.Hashes;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * AUTOMATIC1111 stable-diffusion-webui started with {@code --api} ({@code generator-apis.md} §2):
 * {@code /sdapi/v1/txt2img}, and {@code /sdapi/v1/img2img} with a mask (white = repaint) for
 * inpainting, outpainting and erasing. The real seeds come from the {@code info} field, a JSON
 * string parsed a second time. The webui refuses nothing and throttles nothing, so its outcomes are
 * OK or ERROR; it serialises jobs itself, so {@code concurrency=1} suits it.
 */
public class Automatic1111Generator extends HttpGenerator {

    private static final double DEFAULT_DENOISING = 0.75;

    public Automatic1111Generator(String name, GeneratorConfig.Settings settings, Collaborators collaborators) {
        super(name, settings, collaborators);
        checkSize(configuredSize());
    }

    @Override
    protected CanvasSize defaultSize() {
        return new CanvasSize(512, 512);
    }

    @Override
    protected void checkSize(CanvasSize size) {
        if (size.width() % 8 != 0 || size.height() % 8 != 0) {
            throw new IllegalArgumentException("AUTOMATIC1111 takes sizes in multiples of 8, not " + size);
        }
    }

    /** The webui's denoising strength is 0.75 unless configured: what this adapter sends. */
    @Override
    public SamplingParameters sampling() {
        SamplingParameters configured = super.sampling();
        return configured.denoise().isPresent() ? configured
                : new SamplingParameters(OptionalDouble.of(DEFAULT_DENOISING), configured.steps(), configured.guidance());
    }

    @Override
    protected String providerName() {
        return "AUTOMATIC1111";
    }

    @Override
    protected String apiVersion() {
        return "sdapi-v1";
    }

    @Override
    protected int maxCandidatesPerCall() {
        return 8;
    }

    @Override
    protected PreparedCall prepare(GenerationRequest request, int candidates, int call) {
        CanvasSize size = size(request);
        ObjectNode body = json().createObjectNode();
        body.put("prompt", request.prompt());
        body.put("negative_prompt", request.negativePrompt());
        body.put("seed", request.seed().isPresent() ? request.seed().getAsLong() + call : -1);
        body.put("batch_size", candidates);
        body.put("n_iter", 1);
        body.put("width", size.width());
        body.put("height", size.height());
        body.put("send_images", true);
        body.put("save_images", false);
        if (!request.hasImage()) {
            putParameters(body);
            return new PreparedCall(postJson("/sdapi/v1/txt2img", body), "/sdapi/v1/txt2img", Optional.empty(),
                    Optional.empty(), reply -> read(request, null, reply));
        }
        Canvas canvas = Canvas.fit(request.image().columns(), request.image().rows(), size.width(), size.height());
        byte[] image = Png.encode(canvas.render(request.image(), request.rendering()));
        byte[] mask = Png.encodeMask(canvas.render(request.mask(), Canvas.MaskPolarity.WHITE_REGENERATES));
        body.putArray("init_images").add(Base64.getEncoder().encodeToString(image));
        body.put("mask", Base64.getEncoder().encodeToString(mask));
        body.put("inpainting_mask_invert", 0);
        // Start from the original under the mask, and diffuse the whole picture at its own resolution:
        // the composite afterwards keeps every unmasked pixel of the source anyway.
        body.put("inpainting_fill", 1);
        body.put("inpaint_full_res", false);
        body.put("denoising_strength", DEFAULT_DENOISING);
        body.put("resize_mode", 0);
        putParameters(body);
        return new PreparedCall(postJson("/sdapi/v1/img2img", body), "/sdapi/v1/img2img",
                Optional.of(Hashes.sha256(image)), Optional.of(Hashes.sha256(mask)), reply -> read(request, canvas, reply));
    }

    private HttpRequest postJson(String path, ObjectNode body) {
        HttpRequest.Builder builder = post(path).header("Content-Type", "application/json");
        settings().apiKey().ifPresent(credentials -> builder.header("Authorization", "Basic "
                + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8))));
        return builder.POST(HttpRequest.BodyPublishers.ofByteArray(body.toString().getBytes(StandardCharsets.UTF_8)))
                .build();
    }

    private Attempt read(GenerationRequest request, Canvas canvas, Reply reply) throws MalformedReplyException {
        if (!reply.isSuccess()) {
            Optional<JsonNode> error = reply.jsonIfAny(json());
            Optional<String> code = error.flatMap(body -> text(body, "error"));
            String message = error.flatMap(body -> text(body, "detail").or(() -> text(body, "errors"))).orElse("");
            return unsuccessful(reply, code, message, Optional.empty());
        }
        JsonNode body = reply.json(json());
        JsonNode images = body.get("images");
        if (images == null || !images.isArray()) {
            throw new MalformedReplyException("HTTP " + reply.status() + " without an images array");
        }
        JsonNode info = parseInfo(body);
        int first = info.path("index_of_first_image").asInt(0);
        JsonNode seeds = info.path("all_seeds");
        List<byte[]> pictures = new ArrayList<>();
        List<OptionalLong> reportedSeeds = new ArrayList<>();
        for (int i = first; i < images.size(); i++) {
            pictures.add(base64Image(images.get(i).asText()));
            JsonNode seed = seeds.path(i - first);
            reportedSeeds.add(seed.canConvertToLong() ? OptionalLong.of(seed.asLong()) : OptionalLong.empty());
        }
        return candidates(request, canvas, pictures, reportedSeeds, reply.status(),
                new ProviderDetail(Optional.empty(), info.path("sd_model_name").asText(""), Optional.empty()));
    }

    /** The {@code info} field: JSON encoded as a string, parsed a second time. */
    private JsonNode parseInfo(JsonNode body) throws MalformedReplyException {
        JsonNode info = body.get("info");
        if (info == null || !info.isTextual()) {
            throw new MalformedReplyException("an answer without the info string (real seeds unknown)");
        }
        try {
            return json().readTree(info.asText());
        } catch (IOException e) {
            throw new MalformedReplyException("an info string that is not JSON: " + e.getMessage());
        }
    }
}
