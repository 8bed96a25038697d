package io.synthgate.generator.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.synthgate.generator.CanvasSize;
import io.synthgate.generator.GenerationOutcome.ProviderDetail;
import io.synthgate.generator.GenerationOutcome.Status;
import io.synthgate.generator.GenerationRequest;
import io.synthgate.generator.GeneratorConfig;
import io.synthgate.pixels.Hashes;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A self-hosted model behind the Open Inference Protocol v2 (KServe, Triton, MLServer;
 * {@code generator-apis.md} §4): {@code POST /v2/models/{model}/infer} with the tensor contract of
 * that document, pixel tensors sent and received with the binary tensor extension. The model's
 * {@code nsfw} output is its filter signal (FILTERED); readiness comes from {@code /v2/health/ready}.
 */
public class OpenInferenceGenerator extends HttpGenerator {

    private static final String HEADER_LENGTH = "Inference-Header-Content-Length";
    /** Parameter tensors whose datatype the model contract fixes; others are INT64, FP32 or BYTES by their text. */
    private static final Map<String, String> CONTRACT_TYPES = Map.of("steps", "INT32", "strength", "FP32",
            "guidance", "FP32");

    private final String model;
    private final HttpClient probeClient;

    public OpenInferenceGenerator(String name, GeneratorConfig.Settings settings, Collaborators collaborators) {
        super(name, settings, collaborators);
        this.model = settings.model().orElseThrow(() -> new IllegalArgumentException("synthgate.generator." + name
                + ".model is required for KServe: it names the model in /v2/models/{model}/infer"));
        this.probeClient = HttpClient.newBuilder().connectTimeout(settings.connectTimeout()).build();
    }

    @Override
    protected String providerName() {
        return "KServe";
    }

    @Override
    protected String apiVersion() {
        return "v2";
    }

    /** Not ready when {@code GET /v2/health/ready} answers anything but 200. */
    @Override
    public Optional<String> readinessProblem() {
        HttpRequest probe = HttpRequest.newBuilder(endpoint("/v2/health/ready")).timeout(Duration.ofSeconds(5)).GET().build();
        try {
            int status = probeClient.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode();
            return status == 200 ? Optional.empty() : Optional.of("/v2/health/ready answered HTTP " + status);
        } catch (IOException e) {
            return Optional.of("GET " + probe.uri() + " failed: " + why(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted");
        }
    }

    /** The JDK's client throws a refused or unroutable connection as a ConnectException without a message. */
    private static String why(IOException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause.getMessage() != null) {
                return cause.getMessage();
            }
        }
        return e instanceof ConnectException ? "cannot connect" : e.getClass().getSimpleName();
    }

    @Override
    protected PreparedCall prepare(GenerationRequest request, int candidates, int call) {
        CanvasSize size = size(request);
        long seed = request.seed().isPresent() ? request.seed().getAsLong() + call
                : ThreadLocalRandom.current().nextLong(1L << 32);
        ObjectNode header = json().createObjectNode();
        header.put("id", request.reference() + "-" + call);
        header.putObject("parameters").put("gw_op", request.operation().name().toLowerCase(java.util.Locale.ROOT));
        ArrayNode inputs = header.putArray("inputs");
        ByteArrayOutputStream binary = new ByteArrayOutputStream();
        Canvas canvas = null;
        Optional<String> imageHash = Optional.empty();
        Optional<String> maskHash = Optional.empty();
        if (request.hasImage()) {
            canvas = Canvas.fit(request.image().columns(), request.image().rows(), size.width(), size.height());
            int channels = request.image().channels();
            byte[] image = pixels(canvas.render(request.image(), request.rendering()), channels);
            byte[] mask = pixels(canvas.render(request.mask(), Canvas.MaskPolarity.WHITE_REGENERATES), 1);
            binaryInput(inputs, "image", new long[] {1, canvas.height(), canvas.width(), channels}, image.length);
            binaryInput(inputs, "mask", new long[] {1, canvas.height(), canvas.width(), 1}, mask.length);
            binary.writeBytes(image);
            binary.writeBytes(mask);
            imageHash = Optional.of(Hashes.sha256(image));
            maskHash = Optional.of(Hashes.sha256(mask));
        } else {
            scalar(inputs, "width", "INT32").add(size.width());
            scalar(inputs, "height", "INT32").add(size.height());
        }
        scalar(inputs, "prompt", "BYTES").add(request.prompt());
        scalar(inputs, "negative_prompt", "BYTES").add(request.negativePrompt());
        scalar(inputs, "seed", "INT64").add(seed);
        for (Map.Entry<String, String> parameter : settings().parameters().entrySet()) {
            JsonNode value = JsonValues.typed(json(), parameter.getValue());
            String datatype = CONTRACT_TYPES.getOrDefault(parameter.getKey(),
                    value.isIntegralNumber() ? "INT64" : value.isNumber() ? "FP32" : value.isBoolean() ? "BOOL" : "BYTES");
            scalar(inputs, parameter.getKey(), datatype).add(value);
        }
        ArrayNode outputs = header.putArray("outputs");
        outputs.addObject().put("name", "image").putObject("parameters").put("binary_data", true);
        outputs.addObject().put("name", "nsfw");
        outputs.addObject().put("name", "seed");
        byte[] headerBytes = header.toString().getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(headerBytes);
        body.writeBytes(binary.toByteArray());
        String path = "/v2/models/" + model + "/infer";
        HttpRequest.Builder builder = post(path).header("Content-Type", "application/octet-stream")
                .header(HEADER_LENGTH, Integer.toString(headerBytes.length));
        settings().apiKey().ifPresent(key -> builder.header("Authorization", "Bearer " + key));
        Canvas placed = canvas;
        return new PreparedCall(builder.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), path,
                imageHash, maskHash, reply -> read(request, placed, seed, reply));
    }

    private static void binaryInput(ArrayNode inputs, String name, long[] shape, int bytes) {
        ObjectNode input = inputs.addObject();
        input.put("name", name);
        ArrayNode dims = input.putArray("shape");
        Arrays.stream(shape).forEach(dims::add);
        input.put("datatype", "UINT8");
        input.putObject("parameters").put("binary_data_size", bytes);
    }

    private static ArrayNode scalar(ArrayNode inputs, String name, String datatype) {
        ObjectNode input = inputs.addObject();
        input.put("name", name);
        input.putArray("shape").add(1);
        input.put("datatype", datatype);
        return input.putArray("data");
    }

    /** Row-major, channel-interleaved 8-bit samples ({@code [H, W, C]}) of a picture the canvas rendered (gray or ABGR). */
    private static byte[] pixels(BufferedImage picture, int channels) {
        byte[] data = ((java.awt.image.DataBufferByte) picture.getRaster().getDataBuffer()).getData();
        if (picture.getType() == BufferedImage.TYPE_BYTE_GRAY) {
            return data.clone();
        }
        byte[] out = new byte[picture.getWidth() * picture.getHeight() * channels];
        for (int p = 0; p < out.length / channels; p++) {
            out[p * channels] = data[4 * p + 3];
            if (channels == 3) {
                out[p * channels + 1] = data[4 * p + 2];
                out[p * channels + 2] = data[4 * p + 1];
            }
        }
        return out;
    }

    private Attempt read(GenerationRequest request, Canvas canvas, long sentSeed, Reply reply)
            throws MalformedReplyException {
        Optional<String> requestId = reply.header("x-request-id");
        if (!reply.isSuccess()) {
            Optional<String> message = reply.jsonIfAny(json()).flatMap(body -> text(body, "error"));
            return unsuccessful(reply, Optional.empty(), message.orElse(""), requestId);
        }
        InferenceReply inference = InferenceReply.parse(reply, json());
        requestId = requestId.or(() -> text(inference.header(), "id"));
        List<Boolean> nsfw = inference.booleans("nsfw");
        if (nsfw.contains(Boolean.TRUE)) {
            return finalOutcome(Status.FILTERED, reply, Optional.of("nsfw"), "the model flagged "
                    + nsfw.stream().filter(Boolean::booleanValue).count() + " of " + nsfw.size() + " images", requestId);
        }
        InferenceReply.Tensor image = inference.tensor("image");
        long[] shape = image.shape();
        if (shape.length != 4 || !"UINT8".equals(image.datatype()) || (shape[3] != 1 && shape[3] != 3)) {
            throw new MalformedReplyException("output 'image' must be UINT8 [N, H, W, 1|3], not " + image.datatype() + " "
                    + Arrays.toString(shape));
        }
        int count = (int) shape[0];
        int height = (int) shape[1];
        int width = (int) shape[2];
        int channels = (int) shape[3];
        byte[] samples = image.bytes();
        if (samples.length != (long) count * height * width * channels) {
            throw new MalformedReplyException("output 'image' holds " + samples.length + " bytes for shape "
                    + Arrays.toString(shape));
        }
        List<Long> reportedSeeds = inference.longs("seed");
        List<byte[]> pictures = new ArrayList<>();
        List<OptionalLong> seeds = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            BufferedImage picture = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
            for (int p = 0; p < width * height; p++) {
                int base = (n * width * height + p) * channels;
                int r = samples[base] & 0xFF;
                int g = channels == 3 ? samples[base + 1] & 0xFF : r;
                int b = channels == 3 ? samples[base + 2] & 0xFF : r;
                picture.setRGB(p % width, p / width, r << 16 | g << 8 | b);
            }
            pictures.add(Png.encode(picture));
            seeds.add(OptionalLong.of(n < reportedSeeds.size() ? reportedSeeds.get(n) : sentSeed));
        }
        return candidates(request, canvas, pictures, seeds, reply.status(),
                new ProviderDetail(Optional.empty(), text(inference.header(), "model_version").map(v -> "model version " + v)
                        .orElse(""), requestId));
    }
}
