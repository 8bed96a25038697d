package io.synthgate.generator.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.synthgate.generator.CanvasSize;
import io.synthgate.generator.GenerationOutcome.Status;
import io.synthgate.generator.GenerationOutcome;
import io.synthgate.generator.GenerationRequest;
import io.synthgate.generator.GeneratorCall;
import io.synthgate.generator.GeneratorCallLog;
import io.synthgate.generator.GeneratorRegistry;
import io.synthgate.pipeline.GenerationOperation;
import io.synthgate.testing.GeneratorRequests;
import io.synthgate.testing.GeneratorWireMock;
import io.synthgate.testing.InjectWireMock;
import jakarta.inject.Inject;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** OpenAI Images, gpt-image and DALL-E 2 shapes, against the documented contract (generator-apis.md §1). */
@QuarkusTest
@WithTestResource(GeneratorWireMock.class)
class OpenAiImagesGeneratorTest {

    private static final String EDITS = "/v1/images/edits";

    @InjectWireMock
    WireMockServer wireMock;
    @Inject
    GeneratorRegistry generators;
    @Inject
    GeneratorCallLog audit;

    @BeforeEach
    void reset() {
        wireMock.resetAll();
    }

    @Test
    void inpaintSendsImageAndTransparentMaskAndMapsTheResultBack() {
        wireMock.stubFor(post(urlEqualTo(EDITS)).willReturn(okJson(GeneratorRequests.openAiImagesAnswer(1, 1024, 1024, 200))
                .withHeader("x-request-id", "req_abc123")));
        GenerationRequest request = GeneratorRequests.inpaint("An X-ray of a knee");

        GenerationOutcome outcome = generators.get("openai").generate(request);

        assertEquals(Status.OK, outcome.status(), outcome.describe());
        assertEquals(Optional.of("req_abc123"), outcome.detail().requestId());
        assertEquals(1, outcome.candidates().size());
        assertEquals(GeneratorRequests.RENDERING.toStored(200),
                outcome.candidates().get(0).pixels().value(0, 10 * GeneratorRequests.COLUMNS + 20), 1e-9,
                "a masked pixel takes the returned gray, mapped back to stored values");
        assertTrue(outcome.candidates().get(0).resampled(), "64x48 was scaled to 1024x1024");

        LoggedRequest sent = onlyRequest(EDITS);
        assertEquals("Bearer " + GeneratorWireMock.OPENAI_KEY, sent.getHeader("Authorization"));
        assertEquals("gpt-image-2", part(sent, "model"), "the model is always sent explicitly");
        assertEquals("An X-ray of a knee", part(sent, "prompt"));
        assertEquals("1", part(sent, "n"));
        assertEquals("1024x1024", part(sent, "size"));
        assertEquals(request.reference(), part(sent, "user"), "user is the pseudonymous job reference");
        assertTrue(sent.getPart("response_format") == null, "gpt-image models take no response_format");
        BufferedImage image = GeneratorRequests.read(sent.getPart("image").getBody().asBytes());
        assertEquals(1024, image.getWidth());
        assertEquals(1024, image.getHeight());
        assertEquals(0, image.getRGB(0, 0) & 0xFFFFFF, "the padding above the 4:3 image is black");
        BufferedImage mask = GeneratorRequests.read(sent.getPart("mask").getBody().asBytes());
        assertEquals(0, alpha(mask, 300, 300), "masked region (16..31, 8..23) x16, below 128 rows of padding: transparent");
        assertEquals(255, alpha(mask, 700, 300), "unmasked pixels are opaque");
        assertEquals(255, alpha(mask, 100, 50), "padding is opaque: never regenerated");

        GeneratorCall call = onlyAuditRow(request);
        assertEquals("OK", call.outcome());
        assertEquals(Optional.of(200), call.httpStatus());
        assertEquals(Optional.of("req_abc123"), call.requestId());
        assertEquals(EDITS.substring(3), call.endpoint());
        assertTrue(call.inputSha256().isPresent() && call.maskSha256().isPresent());
        assertEquals(1, call.outputSha256().size());
    }

    @Test
    void textToImagePostsJsonToGenerations() {
        wireMock.stubFor(post(urlEqualTo("/v1/images/generations")).willReturn(okJson(GeneratorRequests.openAiImagesAnswer(2, 1024, 1024, 90))));

        GenerationOutcome outcome = generators.get("openai").generate(GeneratorRequests.request(GenerationOperation.TXT2IMG,
                "An X-ray of a pelvis", OptionalLong.empty(), 2, null));

        assertEquals(Status.OK, outcome.status(), outcome.describe());
        assertEquals(2, outcome.candidates().size());
        assertEquals(1024, outcome.candidates().get(0).pixels().columns());
        wireMock.verify(postRequestedFor(urlEqualTo("/v1/images/generations"))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson("{\"model\":\"gpt-image-2\",\"prompt\":\"An X-ray of a pelvis\",\"n\":2,"
                        + "\"size\":\"1024x1024\"}", true, true)));
    }

    @Test
    void aRequestsOwnSizeWinsOverTheConfiguredOneAndIsCheckedForTheModel() {
        wireMock.stubFor(post(urlEqualTo("/v1/images/generations")).willReturn(okJson(
                GeneratorRequests.openAiImagesAnswer(1, 1536, 1024, 90))));
        GenerationOutcome wide = generators.get("openai").generate(new GenerationRequest(GenerationOperation.TXT2IMG, null,
                null, null, "An X-ray of a chest", "", OptionalLong.empty(), 1, Optional.of(new CanvasSize(1536, 1024)),
                "job-size", null));

        assertEquals(Status.OK, wide.status(), wide.describe());
        wireMock.verify(postRequestedFor(urlEqualTo("/v1/images/generations"))
                .withRequestBody(equalToJson("{\"size\":\"1536x1024\"}", true, true)));

        GenerationOutcome notSquare = generators.get("dalle2").generate(new GenerationRequest(GenerationOperation.TXT2IMG,
                null, null, null, "An X-ray of a chest", "", OptionalLong.empty(), 1, Optional.of(new CanvasSize(1536, 1024)),
                "job-size", null));
        assertEquals(Status.ERROR, notSquare.status());
        assertTrue(notSquare.detail().message().contains("256x256, 512x512 or 1024x1024"), notSquare.describe());
        assertEquals(0, wireMock.findAll(postRequestedFor(urlEqualTo("/compat/v1/images/generations"))).size(),
                "a size the model cannot take is never sent");
    }

    @Test
    void dallE2ShapeSendsASquarePngAndAsksForBase64() {
        wireMock.stubFor(post(urlEqualTo("/compat/v1/images/edits")).willReturn(okJson(GeneratorRequests.openAiImagesAnswer(1, 512, 512, 128))));

        GenerationOutcome outcome = generators.get("dalle2").generate(GeneratorRequests.inpaint("An X-ray of a hand"));

        assertEquals(Status.OK, outcome.status(), outcome.describe());
        LoggedRequest sent = onlyRequest("/compat/v1/images/edits");
        assertEquals("dall-e-2", part(sent, "model"));
        assertEquals("b64_json", part(sent, "response_format"));
        assertEquals("512x512", part(sent, "size"));
        byte[] image = sent.getPart("image").getBody().asBytes();
        assertTrue(image.length < 4 * 1024 * 1024, "DALL-E 2 takes PNGs under 4 MB");
        assertEquals(512, GeneratorRequests.read(image).getWidth());
        assertEquals(512, GeneratorRequests.read(image).getHeight());
        assertEquals(1, GeneratorRequests.read(image).getColorModel().getNumComponents(),
                "a grayscale source goes as an L PNG: DALL-E 2 takes L, LA or RGBA, never RGB");
        assertEquals(sent.getHeader("Authorization"), null, "no key configured, none sent");
    }

    @Test
    void contentPolicyViolationIsRefusedAndNeverRetried() {
        wireMock.stubFor(post(urlEqualTo(EDITS)).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody(error("Your request was rejected as a result of our safety system.", "invalid_request_error",
                        "content_policy_violation"))));
        GenerationRequest request = GeneratorRequests.inpaint("An X-ray of bleeding");

        GenerationOutcome outcome = generators.get("openai").generate(request);

        assertEquals(Status.REFUSED, outcome.status());
        assertEquals(Optional.of("content_policy_violation"), outcome.detail().code());
        assertTrue(outcome.detail().message().contains("safety system"), outcome.detail().message());
        assertEquals(1, wireMock.findAll(postRequestedFor(urlEqualTo(EDITS))).size(), "a refusal is never retried");
        assertEquals("REFUSED", onlyAuditRow(request).outcome());
    }

    @Test
    void moderationBlockedIsRefusedWithItsCategories() {
        wireMock.stubFor(post(urlEqualTo(EDITS)).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody(error("Your request was rejected by the safety system. safety_violations=[violence]",
                        "image_generation_user_error", "moderation_blocked"))));

        GenerationOutcome outcome = generators.get("openai").generate(GeneratorRequests.inpaint("An X-ray of a wound"));

        assertEquals(Status.REFUSED, outcome.status());
        assertTrue(outcome.describe().contains("safety_violations=[violence]"), outcome.describe());
        assertEquals(1, wireMock.findAll(postRequestedFor(urlEqualTo(EDITS))).size());
    }

    @Test
    void rateLimitWaitsAsLongAsRetryAfterMsSaysThenSucceeds() {
        wireMock.stubFor(post(urlEqualTo(EDITS)).inScenario("throttled").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("retry-after-ms", "700")
                        .withHeader("Content-Type", "application/json")
                        .withBody(error("Rate limit reached for images per minute", "requests", "rate_limit_exceeded")))
                .willSetStateTo("cooled down"));
        wireMock.stubFor(post(urlEqualTo(EDITS)).inScenario("throttled").whenScenarioStateIs("cooled down")
                .willReturn(okJson(GeneratorRequests.openAiImagesAnswer(1, 1024, 1024, 50))));
        GenerationRequest request = GeneratorRequests.inpaint("An X-ray of an ankle");

        long start = System.nanoTime();
        GenerationOutcome outcome = generators.get("openai").generate(request);
        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;

        assertEquals(Status.OK, outcome.status(), outcome.describe());
        assertTrue(elapsedMillis >= 700, "waited " + elapsedMillis + " ms; retry-after-ms asked for 700");
        List<GeneratorCall> calls = audit.latest(Optional.of(request.reference()), 10);
        assertEquals(List.of("OK", "THROTTLED"), calls.stream().map(GeneratorCall::outcome).toList());
    }

    @Test
    void insufficientQuotaIsAHardFailureNotRetried() {
        wireMock.stubFor(post(urlEqualTo(EDITS)).willReturn(aResponse().withStatus(429)
                .withHeader("Content-Type", "application/json")
                .withBody(error("You exceeded your current quota", "insufficient_quota", "insufficient_quota"))));

        GenerationOutcome outcome = generators.get("openai").generate(GeneratorRequests.inpaint("An X-ray of a knee"));

        assertEquals(Status.ERROR, outcome.status());
        assertEquals(Optional.of("insufficient_quota"), outcome.detail().code());
        assertEquals(1, wireMock.findAll(postRequestedFor(urlEqualTo(EDITS))).size());
    }

    @Test
    void retryAfterLongerThanTheAllowedWaitEndsThrottledAtOnce() {
        wireMock.stubFor(post(urlEqualTo(EDITS)).willReturn(aResponse().withStatus(429).withHeader("retry-after", "600")
                .withHeader("Content-Type", "application/json")
                .withBody(error("Rate limit reached", "requests", "rate_limit_exceeded"))));

        GenerationOutcome outcome = generators.get("openai").generate(GeneratorRequests.inpaint("An X-ray of a knee"));

        assertEquals(Status.THROTTLED, outcome.status());
        assertTrue(outcome.detail().message().contains("longer than retry.max-wait"), outcome.detail().message());
        assertEquals(1, wireMock.findAll(postRequestedFor(urlEqualTo(EDITS))).size());
    }

    @Test
    void serverErrorIsRetriedAndTheSecondAnswerCounts() {
        wireMock.stubFor(post(urlEqualTo(EDITS)).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(502).withBody("<html>Bad gateway</html>")).willSetStateTo("up"));
        wireMock.stubFor(post(urlEqualTo(EDITS)).inScenario("flaky").whenScenarioStateIs("up")
                .willReturn(okJson(GeneratorRequests.openAiImagesAnswer(1, 1024, 1024, 10))));
        GenerationRequest request = GeneratorRequests.inpaint("An X-ray of a knee");

        GenerationOutcome outcome = generators.get("openai").generate(request);

        assertEquals(Status.OK, outcome.status(), outcome.describe());
        assertEquals(1, outcome.candidates().size(), "a retried call yields one result, not two");
        List<GeneratorCall> calls = audit.latest(Optional.of(request.reference()), 10);
        assertEquals(List.of(2, 1), calls.stream().map(GeneratorCall::attempt).toList());
        assertEquals(Optional.of(502), calls.get(1).httpStatus());
    }

    @Test
    void aCallThatTimesOutIsRetriedThenReportedAsAnError() {
        wireMock.stubFor(post(urlEqualTo("/slow/v1/images/edits"))
                .willReturn(okJson(GeneratorRequests.openAiImagesAnswer(1, 1024, 1024, 10)).withFixedDelay(1500)));

        GenerationOutcome outcome = generators.get("slow").generate(GeneratorRequests.inpaint("An X-ray of a knee"));

        assertEquals(Status.ERROR, outcome.status());
        assertEquals(Optional.of("timeout"), outcome.detail().code());
        assertEquals(2, wireMock.findAll(postRequestedFor(urlEqualTo("/slow/v1/images/edits"))).size(),
                "retry.max-attempts=2");
    }

    @Test
    void aMalformedAnswerIsAnErrorNotACrash() {
        wireMock.stubFor(post(urlEqualTo(EDITS)).willReturn(okJson("{\"data\": [{\"b64_json\": \"bm90IGEgcG5n\"}]}")));

        GenerationOutcome outcome = generators.get("openai").generate(GeneratorRequests.inpaint("An X-ray of a knee"));

        assertEquals(Status.ERROR, outcome.status());
        assertEquals(Optional.of("malformed_reply"), outcome.detail().code());
        assertEquals(1, wireMock.findAll(postRequestedFor(urlEqualTo(EDITS))).size(), "a paid answer is not asked for twice");
    }

    @Test
    void theEgressGuardKeepsUnscreenedRequestsOnSite() {
        GenerationRequest notDeidentified = GeneratorRequests.request(GenerationOperation.INPAINT, "An X-ray of a knee",
                OptionalLong.empty(), 1, null);
        GenerationRequest namedPatient = GeneratorRequests.inpaint("An X-ray of DOE^JOHN's knee");
        GenerationRequest datedPrompt = GeneratorRequests.inpaint("A knee X-ray taken 2024-03-15");
        GenerationRequest mrnPrompt = GeneratorRequests.inpaint("Knee of patient 48213377");

        for (GenerationRequest request : List.of(notDeidentified, namedPatient, datedPrompt, mrnPrompt)) {
            GenerationOutcome outcome = generators.get("openai").generate(request);
            assertEquals(Status.REFUSED, outcome.status(), request.prompt());
            assertEquals(Optional.of("egress_guard"), outcome.detail().code());
            GeneratorCall stopped = onlyAuditRow(request);
            assertEquals("(not sent)", stopped.endpoint());
            assertFalse(stopped.prompt().contains("DOE"), "a refused prompt is not stored either");
        }
        assertEquals(0, wireMock.getAllServeEvents().size(), "nothing reached the provider");
    }

    private LoggedRequest onlyRequest(String path) {
        List<LoggedRequest> requests = wireMock.findAll(postRequestedFor(urlEqualTo(path)));
        assertEquals(1, requests.size(), "requests to " + path);
        return requests.get(0);
    }

    private GeneratorCall onlyAuditRow(GenerationRequest request) {
        List<GeneratorCall> calls = audit.latest(Optional.of(request.reference()), 10);
        assertEquals(1, calls.size(), "audit rows for " + request.reference());
        return calls.get(0);
    }

    private static String part(LoggedRequest request, String name) {
        return new String(request.getPart(name).getBody().asBytes(), StandardCharsets.UTF_8);
    }

    private static int alpha(BufferedImage image, int x, int y) {
        return image.getRGB(x, y) >>> 24;
    }

    private static String error(String message, String type, String code) {
        return "{\"error\":{\"message\":\"" + message + "\",\"type\":\"" + type + "\",\"param\":null,\"code\":\"" + code
                + "\"}}";
    }
}
