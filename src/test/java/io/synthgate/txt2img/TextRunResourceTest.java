package io.synthgate.txt2img;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.synthgate.testing.TestUser.RESEARCHER;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.synthgate.job.JobOutput;
import io.synthgate.job.JobOutputService;
import io.synthgate.testing.Dciodvfy;
import io.synthgate.testing.GeneratorRequests;
import io.synthgate.testing.GeneratorWireMock;
import io.synthgate.testing.InjectWireMock;
import io.synthgate.testing.ProcessRun;
import jakarta.inject.Inject;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * {@code /api/experiments/txt2img/runs} against a WireMock'd OpenAI: bad requests get problem+json,
 * a run keeps every candidate as a valid synthetic object with a synthetic patient, and a refused
 * prompt shows REFUSED. (No research PACS runs here, so exports fail; the end-to-end test covers them.)
 */
@QuarkusTest
@WithTestResource(GeneratorWireMock.class)
class TextRunResourceTest {

    private static final String GENERATIONS = "/v1/images/generations";

    @InjectWireMock
    WireMockServer wireMock;
    @Inject
    JobOutputService outputs;

    @BeforeEach
    void reset() {
        wireMock.resetAll();
    }

    @Test
    void badRequestsGetAProblemAndStartNothing() {
        for (Map<String, Object> body : List.<Map<String, Object>>of(
                Map.of(),
                Map.of("bodyParts", List.of("knee"), "generator", "no-such-generator"),
                Map.of("bodyParts", List.of("knee"), "candidatesPerPrompt", 11),
                Map.of("bodyParts", List.of("knee; drop table job")),
                Map.of("bodyParts", List.of("knee", "Knee")),
                Map.of("bodyParts", List.of("knee"), "promptTemplate", "An X-ray of {patientName}"),
                Map.of("bodyParts", List.of("knee"), "seedPolicy", "sometimes"),
                Map.of("bodyParts", List.of("knee"), "size", "big"))) {
            RESEARCHER.given().contentType(ContentType.JSON).body(body).post("/api/experiments/txt2img/runs").then()
                    .statusCode(400).contentType("application/problem+json");
        }
        assertEquals(0, wireMock.getAllServeEvents().size());
    }

    @Test
    void everyCandidateIsKeptAsASyntheticObjectAndARefusedPromptShowsRefused() throws Exception {
        wireMock.stubFor(post(urlEqualTo(GENERATIONS)).withRequestBody(containing("bleeding"))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":{\"message\":\"Your request was rejected as a result of our safety system.\","
                                + "\"type\":\"invalid_request_error\",\"param\":null,\"code\":\"content_policy_violation\"}}")));
        wireMock.stubFor(post(urlEqualTo(GENERATIONS)).withRequestBody(containing("knee"))
                .willReturn(okJson(GeneratorRequests.openAiImagesAnswer(3, 256, 256, 140))));

        String runId = RESEARCHER.given().contentType(ContentType.JSON)
                .body(Map.of("bodyParts", List.of("knee", "bleeding"), "candidatesPerPrompt", 3, "generator", "openai",
                        "size", "1024x1024"))
                .post("/api/experiments/txt2img/runs").then().statusCode(202)
                .header("Location", containsString("/api/experiments/txt2img/runs/"))
                .body("promptTemplate", equalTo("An X-ray of {bodyPart}"))
                .body("prompts[0].prompt", equalTo("An X-ray of knee"))
                .extract().path("id");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> RESEARCHER.given().get("/api/experiments/txt2img/runs/" + runId)
                .then().statusCode(200).body("finished", equalTo(true)));
        RESEARCHER.given().get("/api/experiments/txt2img/runs/" + runId).then()
                .body("startedBy", equalTo(RESEARCHER.username()))
                .body("prompts[0].outcome", equalTo("OK"))
                .body("prompts[0].candidates.size()", equalTo(3))
                .body("prompts[1].outcome", equalTo("REFUSED"))
                .body("prompts[1].detail", containsString("content_policy_violation"))
                .body("prompts[1].candidates.size()", equalTo(0));

        String kneeJob = RESEARCHER.given().get("/api/experiments/txt2img/runs/" + runId).then().extract().path("prompts[0].jobId");
        List<JobOutput> candidates = outputs.listForJob(UUID.fromString(kneeJob));
        assertEquals(List.of(0, 1, 2), candidates.stream().map(JobOutput::candidateIndex).sorted().toList());
        for (JobOutput candidate : candidates) {
            assertEquals(List.of(), Dciodvfy.unexpectedErrors(candidate.file()), candidate.file().toString());
            String dump = ProcessRun.run(List.of("dcmdump", candidate.file().toString())).output();
            assertTrue(dump.contains("[SYNTHETIC^TXT2IMG]") && dump.contains("[SYN-" + runId + "]"), dump);
            assertTrue(dump.contains("(0008,0060) CS [OT]") && dump.contains("[KNEE]"), dump);
            assertTrue(dump.contains("DERIVED\\SECONDARY\\SYNTHETIC\\TXT2IMG"), dump);
            assertTrue(dump.contains("[GEN-TXT2IMG]") && dump.contains("[An X-ray of knee]"), dump);
            assertFalse(dump.contains("(0012,0062)") || dump.contains("(0008,2112)"),
                    "no de-identification attributes and no source reference: no identity ever existed");
        }

        String base = "/api/experiments/txt2img/runs/" + runId;
        String csv = RESEARCHER.given().get(base + "/candidates.csv").then().statusCode(200).contentType(containsString("text/csv"))
                .extract().asString();
        List<String> lines = csv.lines().toList();
        assertEquals(1 + 3 + 1, lines.size(), "header, three knee candidates, the refused prompt: " + csv);
        assertTrue(lines.get(4).startsWith("bleeding,An X-ray of bleeding,REFUSED,") && lines.get(4).contains("content_policy_violation"),
                lines.get(4));
        assertTrue(lines.get(1).contains(",KNEE,TXT2IMG,OpenAI,gpt-image-2,"), lines.get(1));
        byte[] figure = RESEARCHER.given().get(base + "/figure.png").then().statusCode(200).contentType("image/png").extract().asByteArray();
        BufferedImage grid = GeneratorRequests.read(figure);
        // Tiles of 512 pixels under a 70-pixel caption, 16 apart, after a 300-pixel label column.
        assertEquals(16 + 2 * (512 + 70 + 16), grid.getHeight(), "one figure row per body part");
        assertTrue(grid.getWidth() >= 300 + 3 * 512, "three candidates side by side");
        for (int tile = 0; tile < 3; tile++) {
            int gray = grid.getRGB(300 + tile * (512 + 16) + 256, 16 + 256) & 0xFF;
            assertTrue(Math.abs(gray - 140) <= 1, "a uniform 140 stays 140, as a viewer shows it, not a stretch to "
                    + "black: " + gray);
        }
        Node physical = ((Element) readMetadata(figure).getAsTree("javax_imageio_png_1.0")).getElementsByTagName("pHYs")
                .item(0);
        assertEquals("11811", physical.getAttributes().getNamedItem("pixelsPerUnitXAxis").getNodeValue(),
                "300 dpi in the PNG's pHYs chunk");
        assertEquals("meter", physical.getAttributes().getNamedItem("unitSpecifier").getNodeValue());
        String svg = RESEARCHER.given().get(base + "/figure.svg").then().statusCode(200).contentType("image/svg+xml")
                .extract().asString();
        assertEquals(3, svg.split("<image ", -1).length - 1, "the three candidates, embedded: " + svg.length());
        assertTrue(svg.contains(">REFUSED</text>") && svg.contains("(content_policy_violation)"),
                "the refused prompt with the provider's reason, in the figure itself");
        assertTrue(svg.contains("width=\"" + String.format(Locale.ROOT, "%.3fin", grid.getWidth() / 300.0) + "\""),
                "the PNG's layout at the PNG's print size");
        RESEARCHER.given().get(base + "/figure.png?page=2").then().statusCode(400).contentType("application/problem+json");
        String candidate = candidates.get(0).sopInstanceUid().value();
        RESEARCHER.given().get(base + "/report").then().body(containsString("href=\"/api/candidates/" + candidate + ".png\""));
        BufferedImage full = GeneratorRequests.read(RESEARCHER.given().get("/api/candidates/" + candidate + ".png").then()
                .statusCode(200).contentType("image/png").extract().asByteArray());
        assertTrue(full.getWidth() >= 256, "at the object's own resolution, not a tile's: " + full.getWidth());
        assertEquals(140, full.getRaster().getSample(full.getWidth() / 2, full.getHeight() / 2, 0), 1,
                "in the figure's window (the stored gray, not getRGB's sRGB conversion of it)");
        RESEARCHER.given().get(base + "/report").then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("Text-to-image run " + runId)).body(containsString("SYNTHETIC"))
                .body(containsString("<td>KNEE</td><td>TXT2IMG</td><td>3</td>"));
    }

    private static IIOMetadata readMetadata(byte[] png) throws IOException {
        ImageReader reader = ImageIO.getImageReadersByFormatName("png").next();
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(png))) {
            reader.setInput(in);
            return reader.getImageMetadata(0);
        } finally {
            reader.dispose();
        }
    }
}
