package io.synthgate.generator.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.synthgate.generator.GenerationOutcome.Status;
import io.synthgate.generator.GenerationOutcome;
import io.synthgate.generator.GeneratorRegistry;
import io.synthgate.pipeline.GenerationOperation;
import io.synthgate.testing.GeneratorRequests;
import io.synthgate.testing.GeneratorWireMock;
import io.synthgate.testing.InjectWireMock;
import jakarta.inject.Inject;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Stability AI v2beta edit/inpaint against the documented contract (generator-apis.md §3). */
@QuarkusTest
@WithTestResource(GeneratorWireMock.class)
class StabilityGeneratorTest {

    private static final String INPAINT = "/stability/v2beta/stable-image/edit/inpaint";

    @InjectWireMock
    WireMockServer wireMock;
    @Inject
    GeneratorRegistry generators;

    @BeforeEach
    void reset() {
        wireMock.resetAll();
    }

    @Test
    void inpaintSendsAGrayscaleMaskAndReadsSeedAndFinishReasonFromJson() {
        wireMock.stubFor(post(urlEqualTo(INPAINT)).willReturn(okJson("{\"image\":\"" + GeneratorRequests.pngBase64(64, 48, 180)
                + "\",\"seed\":31337,\"finish_reason\":\"SUCCESS\"}")));

        GenerationOutcome outcome = generators.get("stability").generate(GeneratorRequests.inpaint("An X-ray of a knee"));

        assertEquals(Status.OK, outcome.status(), outcome.describe());
        assertEquals(OptionalLong.of(31337), outcome.candidates().get(0).seed());
        assertEquals(false, outcome.candidates().get(0).resampled(), "Stability takes the image at its own size");
        LoggedRequest sent = wireMock.findAll(postRequestedFor(urlEqualTo(INPAINT))).get(0);
        assertEquals("Bearer " + GeneratorWireMock.STABILITY_KEY, sent.getHeader("Authorization"));
        assertEquals("application/json", sent.getHeader("Accept"));
        assertTrue(sent.getHeader("Content-Type").startsWith("multipart/form-data; boundary="));
        assertEquals("An X-ray of a knee", part(sent, "prompt"));
        assertEquals("blurry", part(sent, "negative_prompt"));
        assertEquals("png", part(sent, "output_format"));
        assertEquals("43", part(sent, "seed"), "seed 42 shifted into 1..4294967294: 0 would mean random");
        BufferedImage mask = GeneratorRequests.read(sent.getPart("mask").getBody().asBytes());
        assertEquals(BufferedImage.TYPE_BYTE_GRAY, mask.getType(), "a grayscale mask");
        assertEquals(255, mask.getRaster().getSample(20, 10, 0), "masked: white");
        assertEquals(0, mask.getRaster().getSample(40, 10, 0), "unmasked: black");
    }

    @Test
    void anImageAnswerCarriesSeedAndFinishReasonInHeaders() {
        wireMock.stubFor(post(urlEqualTo(INPAINT)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "image/png").withHeader("seed", "8080").withHeader("finish-reason", "SUCCESS")
                .withBody(GeneratorRequests.png(64, 48, 30))));

        GenerationOutcome outcome = generators.get("stability").generate(GeneratorRequests.inpaint("An X-ray of a knee"));

        assertEquals(Status.OK, outcome.status(), outcome.describe());
        assertEquals(OptionalLong.of(8080), outcome.candidates().get(0).seed());
    }

    @Test
    void aCensoredImageWithStatus200IsFiltered() {
        wireMock.stubFor(post(urlEqualTo(INPAINT)).willReturn(okJson("{\"image\":\"" + GeneratorRequests.pngBase64(64, 48, 0)
                + "\",\"seed\":5,\"finish_reason\":\"CONTENT_FILTERED\"}")));

        GenerationOutcome outcome = generators.get("stability").generate(GeneratorRequests.inpaint("An X-ray of a knee"));

        assertEquals(Status.FILTERED, outcome.status());
        assertEquals(Optional.of("CONTENT_FILTERED"), outcome.detail().code());
        assertTrue(outcome.candidates().isEmpty(), "a censored picture is never a candidate");
    }

    @Test
    void contentModerationIsRefused() {
        wireMock.stubFor(post(urlEqualTo(INPAINT)).willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"id\":\"a1b2c3\",\"name\":\"content_moderation\",\"errors\":[\"Your request was flagged by our"
                        + " content moderation system, as a result your request was denied and you were not charged.\"]}")));

        GenerationOutcome outcome = generators.get("stability").generate(GeneratorRequests.inpaint("An X-ray of bleeding"));

        assertEquals(Status.REFUSED, outcome.status());
        assertEquals(Optional.of("content_moderation"), outcome.detail().code());
        assertEquals(Optional.of("a1b2c3"), outcome.detail().requestId());
        assertEquals(1, wireMock.findAll(postRequestedFor(urlEqualTo(INPAINT))).size());
    }

    @Test
    void a429WithoutRetryAfterMeansTheSixtySecondLockout() {
        wireMock.stubFor(post(urlEqualTo(INPAINT)).willReturn(aResponse().withStatus(429)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"id\":\"x\",\"name\":\"rate_limit_exceeded\",\"errors\":[\"You have exceeded the rate limit\"]}")));

        GenerationOutcome outcome = generators.get("stability").generate(GeneratorRequests.inpaint("An X-ray of a knee"));

        assertEquals(Status.THROTTLED, outcome.status());
        assertTrue(outcome.detail().message().contains("PT1M"), "waits out the lockout: " + outcome.detail().message());
        assertEquals(1, wireMock.findAll(postRequestedFor(urlEqualTo(INPAINT))).size(),
                "retry.max-wait=1s here, so the request ends THROTTLED instead of waiting");
    }

    @Test
    void creditsExhaustedIsAHardError() {
        wireMock.stubFor(post(urlEqualTo(INPAINT)).willReturn(aResponse().withStatus(402)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"id\":\"y\",\"name\":\"payment_required\",\"errors\":[\"lacks sufficient credits\"]}")));

        GenerationOutcome outcome = generators.get("stability").generate(GeneratorRequests.inpaint("An X-ray of a knee"));

        assertEquals(Status.ERROR, outcome.status());
        assertEquals(1, wireMock.findAll(postRequestedFor(urlEqualTo(INPAINT))).size());
    }

    @Test
    void textToImageIsNotThisAdaptersJob() {
        GenerationOutcome outcome = generators.get("stability").generate(GeneratorRequests.request(GenerationOperation.TXT2IMG,
                "An X-ray of a knee", OptionalLong.empty(), 1, null));

        assertEquals(Status.ERROR, outcome.status());
        assertTrue(outcome.detail().message().contains("not text-to-image"), outcome.describe());
        assertEquals(0, wireMock.getAllServeEvents().size());
    }

    private static String part(LoggedRequest request, String name) {
        return new String(request.getPart(name).getBody().asBytes(), StandardCharsets.UTF_8);
    }
}
