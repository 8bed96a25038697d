package io.synthgate.generator.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.synthgate.generator.GenerationOutcome.Status;
import io.synthgate.generator.GenerationOutcome;
import io.synthgate.generator.GeneratorRegistry;
import io.synthgate.generator.GeneratorsHealthCheck;
import io.synthgate.pipeline.GenerationOperation;
import io.synthgate.testing.GeneratorRequests;
import io.synthgate.testing.GeneratorWireMock;
import io.synthgate.testing.InjectWireMock;
import io.synthgate.testing.TestUser;
import jakarta.inject.Inject;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** AUTOMATIC1111's {@code --api} against the documented contract (generator-apis.md §2), and the circuit breaker. */
@QuarkusTest
@WithTestResource(GeneratorWireMock.class)
class Automatic1111GeneratorTest {

    private static final String IMG2IMG = "/a1111/sdapi/v1/img2img";

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
    }

    @Test
    void img2imgSendsAWhiteMaskAndKeepsTheRealSeedsFromInfo() throws Exception {
        // A leading grid image (index_of_first_image 1) comes before the candidates, as with batch_size > 1.
        wireMock.stubFor(post(urlEqualTo(IMG2IMG)).willReturn(okJson(answer(3, 1, "[1234567, 1234568]"))));

        GenerationOutcome outcome = generators.get("a1111").generate(GeneratorRequests.request(GenerationOperation.INPAINT,
                "An X-ray of a shoulder", OptionalLong.of(77), 2, "de-identified by test"));

        assertEquals(Status.OK, outcome.status(), outcome.describe());
        assertEquals(2, outcome.candidates().size(), "the grid image is skipped");
        assertEquals(OptionalLong.of(1234567), outcome.candidates().get(0).seed());
        assertEquals(OptionalLong.of(1234568), outcome.candidates().get(1).seed());

        JsonNode sent = json.readTree(wireMock.findAll(postRequestedFor(urlEqualTo(IMG2IMG))).get(0).getBodyAsString());
        assertEquals("Basic " + Base64.getEncoder().encodeToString(
                GeneratorWireMock.A1111_CREDENTIALS.getBytes(StandardCharsets.UTF_8)),
                wireMock.findAll(postRequestedFor(urlEqualTo(IMG2IMG))).get(0).getHeader("Authorization"));
        assertEquals("An X-ray of a shoulder", sent.get("prompt").asText());
        assertEquals("blurry", sent.get("negative_prompt").asText());
        assertEquals(77, sent.get("seed").asLong());
        assertEquals(2, sent.get("batch_size").asInt());
        assertEquals(0, sent.get("inpainting_mask_invert").asInt(), "white = repaint");
        assertEquals(512, sent.get("width").asInt());
        assertEquals(20, sent.get("steps").asInt(), "configured parameters are sent, typed");
        assertEquals("Euler a", sent.get("sampler_name").asText());
        BufferedImage mask = GeneratorRequests.read(Base64.getDecoder().decode(sent.get("mask").asText()));
        // 64x48 fits 512x512 at x8: 512x384 below 64 rows of padding; the mask (16..31, 8..23) lands at (128..255, 128..255).
        assertEquals(255, mask.getRaster().getSample(200, 200, 0), "masked: white");
        assertEquals(0, mask.getRaster().getSample(400, 200, 0), "unmasked: black");
        BufferedImage image = GeneratorRequests.read(Base64.getDecoder().decode(sent.get("init_images").get(0).asText()));
        assertEquals(512, image.getWidth());
    }

    @Test
    void txt2imgAsksForRandomSeedsWhenThePolicyIsRandom() throws Exception {
        wireMock.stubFor(post(urlEqualTo("/a1111/sdapi/v1/txt2img")).willReturn(okJson(answer(1, 0, "[99]"))));

        GenerationOutcome outcome = generators.get("a1111").generate(GeneratorRequests.request(GenerationOperation.TXT2IMG,
                "An X-ray of a chest", OptionalLong.empty(), 1, null));

        assertEquals(Status.OK, outcome.status(), outcome.describe());
        assertEquals(OptionalLong.of(99), outcome.candidates().get(0).seed(), "the seed the webui reports");
        JsonNode sent = json.readTree(wireMock.findAll(postRequestedFor(urlEqualTo("/a1111/sdapi/v1/txt2img")))
                .get(0).getBodyAsString());
        assertEquals(-1, sent.get("seed").asInt());
        assertTrue(sent.get("mask") == null && sent.get("init_images") == null);
    }

    @Test
    void aValidationErrorIsAnErrorNotRetried() {
        wireMock.stubFor(post(urlEqualTo(IMG2IMG)).willReturn(aResponse().withStatus(422)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":\"HTTPException\",\"detail\":\"Script 'outpainting mk3' not found\"}")));

        GenerationOutcome outcome = generators.get("a1111").generate(GeneratorRequests.inpaint("An X-ray of a wrist"));

        assertEquals(Status.ERROR, outcome.status());
        assertTrue(outcome.describe().contains("not found"), outcome.describe());
        assertEquals(1, wireMock.findAll(postRequestedFor(urlEqualTo(IMG2IMG))).size());
    }

    @Test
    void anAnswerWithoutInfoIsMalformed() {
        wireMock.stubFor(post(urlEqualTo(IMG2IMG)).willReturn(okJson("{\"images\":[\""
                + GeneratorRequests.pngBase64(512, 512, 1) + "\"],\"parameters\":{}}")));

        GenerationOutcome outcome = generators.get("a1111").generate(GeneratorRequests.inpaint("An X-ray of a wrist"));

        assertEquals(Status.ERROR, outcome.status());
        assertTrue(outcome.describe().contains("info"), outcome.describe());
    }

    @Test
    void aDeadGeneratorOpensItsCircuitAndHealthSaysSo() {
        wireMock.stubFor(post(urlEqualTo("/flaky/sdapi/v1/img2img")).willReturn(aResponse().withStatus(503)));

        List<GenerationOutcome> outcomes = List.of(
                generators.get("flaky").generate(GeneratorRequests.inpaint("An X-ray of a knee")),
                generators.get("flaky").generate(GeneratorRequests.inpaint("An X-ray of a knee")),
                generators.get("flaky").generate(GeneratorRequests.inpaint("An X-ray of a knee")));

        assertTrue(outcomes.stream().allMatch(outcome -> outcome.status() == Status.ERROR));
        assertTrue(outcomes.get(2).detail().message().contains("circuit breaker is open"), outcomes.get(2).describe());
        assertEquals(2, wireMock.findAll(postRequestedFor(urlEqualTo("/flaky/sdapi/v1/img2img"))).size(),
                "failure-threshold=2: the third request is not sent");
        HealthCheckResponse readiness = health.call();
        assertEquals(HealthCheckResponse.Status.DOWN, readiness.getStatus());
        assertTrue(String.valueOf(readiness.getData().orElseThrow().get("flaky")).startsWith("DOWN"),
                readiness.getData().toString());
        String metrics = TestUser.SCRAPER.given().get("/q/metrics").asString();
        assertTrue(metrics.contains("ft_circuitbreaker_opened_total{method=\"synthgate-generator-flaky\"} 1.0"),
                "the guard's meters come along: " + metrics.lines().filter(line -> line.contains("flaky")).toList());
        assertTrue(metrics.contains("synthgate_generator_calls_seconds_count{generator=\"flaky\",outcome=\"ERROR\"} 2.0"),
                "both calls sent are timed: " + metrics.lines().filter(line -> line.contains("flaky")).toList());
    }

    @Test
    void concurrencyOneSendsOneCallAtATime() throws Exception {
        wireMock.stubFor(post(urlEqualTo("/serial/sdapi/v1/img2img"))
                .willReturn(okJson(answer(1, 0, "[5]")).withFixedDelay(400)));
        ExecutorService callers = Executors.newFixedThreadPool(3);
        try {
            long start = System.nanoTime();
            List<Future<GenerationOutcome>> outcomes = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                outcomes.add(callers.submit(() -> generators.get("serial").generate(
                        GeneratorRequests.inpaint("An X-ray of a knee"))));
            }
            for (Future<GenerationOutcome> outcome : outcomes) {
                assertEquals(Status.OK, outcome.get().status(), outcome.get().describe());
            }
            long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
            assertTrue(elapsedMillis >= 1200, "three 400 ms calls through one slot took " + elapsedMillis + " ms");
        } finally {
            callers.shutdownNow();
        }
    }

    /** An img2img/txt2img answer: {@code images} pictures, the real seeds in the info string. */
    private static String answer(int images, int firstImage, String seeds) {
        StringBuilder pictures = new StringBuilder();
        for (int i = 0; i < images; i++) {
            pictures.append(i == 0 ? "" : ",").append('"').append(GeneratorRequests.pngBase64(512, 512, 100 + i)).append('"');
        }
        String info = "{\\\"seed\\\": 1234567, \\\"all_seeds\\\": " + seeds + ", \\\"index_of_first_image\\\": " + firstImage
                + ", \\\"sd_model_name\\\": \\\"sd-v1-5-inpainting\\\"}";
        return "{\"images\":[" + pictures + "],\"parameters\":{},\"info\":\"" + info + "\"}";
    }
}
