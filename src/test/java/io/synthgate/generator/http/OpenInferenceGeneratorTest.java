package io.synthgate.generator.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.synthgate.generator.GenerationOutcome.Status;
import io.synthgate.generator.GenerationOutcome;
import io.synthgate.generator.GeneratorRegistry;
import io.synthgate.generator.GeneratorsHealthCheck;
import io.synthgate.testing.GeneratorRequests;
import io.synthgate.testing.GeneratorWireMock;
import io.synthgate.testing.InjectWireMock;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** KServe / Triton Open Inference Protocol v2 with the binary tensor extension (generator-apis.md §4). */
@QuarkusTest
@WithTestResource(GeneratorWireMock.class)
class OpenInferenceGeneratorTest {

    private static final String INFER = "/kserve/v2/models/radiograph-inpainter/infer";
    private static final int SIDE = 64;

    @InjectWireMock
    WireMockServer wireMock;
    @Inject
    GeneratorRegistry generators;
    @Inject
    @Readiness
    GeneratorsHealthCheck health;
    @Inject
    ObjectMapper json;

    @BeforeEach
    void reset() {
        wireMock.resetAll();
        wireMock.stubFor(get(urlEqualTo("/kserve/v2/health/ready")).willReturn(aResponse().withStatus(200)));
    }

    @Test
    void inferSendsBinaryTensorsAndReadsTheBinaryImageAndSeed() throws Exception {
        wireMock.stubFor(post(urlEqualTo(INFER)).willReturn(binaryAnswer(false, 4242)));

        GenerationOutcome outcome = generators.get("kserve").generate(GeneratorRequests.inpaint("An X-ray of a knee"));

        assertEquals(Status.OK, outcome.status(), outcome.describe());
        assertEquals(OptionalLong.of(4242), outcome.candidates().get(0).seed());
        assertEquals(GeneratorRequests.RENDERING.toStored(77),
                outcome.candidates().get(0).pixels().value(0, 10 * GeneratorRequests.COLUMNS + 20), 1e-9);

        LoggedRequest sent = wireMock.findAll(postRequestedFor(urlEqualTo(INFER))).get(0);
        byte[] body = sent.getBody();
        int headerLength = Integer.parseInt(sent.getHeader("Inference-Header-Content-Length"));
        JsonNode header = json.readTree(Arrays.copyOf(body, headerLength));
        assertEquals("inpaint", header.path("parameters").path("gw_op").asText());
        Map<String, JsonNode> inputs = new HashMap<>();
        header.get("inputs").forEach(input -> inputs.put(input.get("name").asText(), input));
        assertEquals("[1,64,64,1]", inputs.get("image").get("shape").toString(), "64x48 padded into 64x64, grayscale");
        assertEquals("UINT8", inputs.get("mask").get("datatype").asText());
        assertEquals(SIDE * SIDE, inputs.get("mask").path("parameters").path("binary_data_size").asInt());
        assertEquals("An X-ray of a knee", inputs.get("prompt").get("data").get(0).asText());
        assertEquals("BYTES", inputs.get("prompt").get("datatype").asText());
        assertEquals(42, inputs.get("seed").get("data").get(0).asLong());
        assertEquals("INT64", inputs.get("seed").get("datatype").asText());
        assertEquals("INT32", inputs.get("steps").get("datatype").asText(), "the contract's datatype for steps");
        assertEquals("FP32", inputs.get("guidance").get("datatype").asText());
        assertTrue(header.get("outputs").get(0).path("parameters").path("binary_data").asBoolean());
        assertEquals(headerLength + 2 * SIDE * SIDE, body.length, "image then mask tensor follow the JSON");
        byte[] mask = Arrays.copyOfRange(body, headerLength + SIDE * SIDE, body.length);
        assertEquals(255, mask[(8 + 10) * SIDE + 20] & 0xFF, "masked pixel (20, 10) sits 8 rows down: 255 = regenerate");
        assertEquals(0, mask[(8 + 10) * SIDE + 40] & 0xFF);
    }

    @Test
    void theModelsNsfwFlagIsFiltered() {
        wireMock.stubFor(post(urlEqualTo(INFER)).willReturn(binaryAnswer(true, 1)));

        GenerationOutcome outcome = generators.get("kserve").generate(GeneratorRequests.inpaint("An X-ray of a knee"));

        assertEquals(Status.FILTERED, outcome.status());
        assertTrue(outcome.candidates().isEmpty());
    }

    @Test
    void anAnswerWithInlineJsonDataIsReadToo() {
        StringBuilder data = new StringBuilder();
        for (int i = 0; i < SIDE * SIDE; i++) {
            data.append(i == 0 ? "" : ",").append(12);
        }
        wireMock.stubFor(post(urlEqualTo(INFER)).willReturn(okJson("{\"model_name\":\"radiograph-inpainter\","
                + "\"outputs\":[{\"name\":\"image\",\"shape\":[1,64,64,1],\"datatype\":\"UINT8\",\"data\":[" + data + "]},"
                + "{\"name\":\"seed\",\"shape\":[1],\"datatype\":\"INT64\",\"data\":[7]}]}")));

        GenerationOutcome outcome = generators.get("kserve").generate(GeneratorRequests.inpaint("An X-ray of a knee"));

        assertEquals(Status.OK, outcome.status(), outcome.describe());
        assertEquals(OptionalLong.of(7), outcome.candidates().get(0).seed());
    }

    @Test
    void anImageOfTheWrongShapeIsMalformed() {
        wireMock.stubFor(post(urlEqualTo(INFER)).willReturn(okJson("{\"outputs\":[{\"name\":\"image\",\"shape\":[64,64],"
                + "\"datatype\":\"FP32\",\"data\":[0]}]}")));

        GenerationOutcome outcome = generators.get("kserve").generate(GeneratorRequests.inpaint("An X-ray of a knee"));

        assertEquals(Status.ERROR, outcome.status());
        assertTrue(outcome.describe().contains("UINT8 [N, H, W, 1|3]"), outcome.describe());
    }

    @Test
    void anIngress503IsRetried() {
        wireMock.stubFor(post(urlEqualTo(INFER)).willReturn(aResponse().withStatus(503)
                .withHeader("Content-Type", "application/json").withBody("{\"error\":\"model is loading\"}")));

        GenerationOutcome outcome = generators.get("kserve").generate(GeneratorRequests.inpaint("An X-ray of a knee"));

        assertEquals(Status.ERROR, outcome.status());
        assertTrue(outcome.describe().contains("model is loading"), outcome.describe());
        assertEquals(3, wireMock.findAll(postRequestedFor(urlEqualTo(INFER))).size(), "retry.max-attempts=3");
    }

    @Test
    void readinessFollowsTheServersHealthEndpoint() {
        assertEquals("UP (circuit CLOSED)", health.call().getData().orElseThrow().get("kserve"));

        wireMock.stubFor(get(urlEqualTo("/kserve/v2/health/ready")).willReturn(aResponse().withStatus(503)));

        HealthCheckResponse readiness = health.call();
        assertEquals(HealthCheckResponse.Status.DOWN, readiness.getStatus());
        assertEquals("DOWN: /v2/health/ready answered HTTP 503", readiness.getData().orElseThrow().get("kserve"));
    }

    /** An inference answer: a flat 64x64 image of gray 77 as a binary tensor, the nsfw flag and the seed inline. */
    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder binaryAnswer(boolean nsfw, long seed) {
        String header = "{\"model_name\":\"radiograph-inpainter\",\"model_version\":\"3\",\"id\":\"infer-1\",\"outputs\":["
                + "{\"name\":\"image\",\"shape\":[1,64,64,1],\"datatype\":\"UINT8\",\"parameters\":{\"binary_data_size\":"
                + SIDE * SIDE + "}},{\"name\":\"nsfw\",\"shape\":[1],\"datatype\":\"BOOL\",\"data\":[" + nsfw + "]},"
                + "{\"name\":\"seed\",\"shape\":[1],\"datatype\":\"INT64\",\"data\":[" + seed + "]}]}";
        byte[] headerBytes = header.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(headerBytes);
        byte[] image = new byte[SIDE * SIDE];
        Arrays.fill(image, (byte) 77);
        body.writeBytes(image);
        return aResponse().withStatus(200).withHeader("Content-Type", "application/octet-stream")
                .withHeader("Inference-Header-Content-Length", Integer.toString(headerBytes.length))
                .withBody(body.toByteArray());
    }
}
