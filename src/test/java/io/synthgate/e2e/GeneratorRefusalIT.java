package io.synthgate.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.synthgate.testing.Dciodvfy;
import io.synthgate.testing.DicomCopies;
import io.synthgate.testing.GatewayProcess;
import io.synthgate.testing.GeneratorRequests;
import io.synthgate.testing.OrthancProcess;
import io.synthgate.testing.ProcessRun;
import io.synthgate.testing.TestFiles;
import io.synthgate.testing.TestHttp;
import io.synthgate.testing.TestUser;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seed paper's "bleeding" case: the generator refuses the prompt with OpenAI's
 * {@code content_policy_violation}. The job fails with the provider's code and message, visible in
 * {@code /api/jobs} and in the generator call audit; nothing reaches the research PACS. Once the
 * provider accepts, retrying the job exports exactly one synthetic object.
 */
class GeneratorRefusalIT {

    private static final String EDITS = "/v1/images/edits";
    private static final Path CT = TestFiles.pydicom("CT_small.dcm");

    @TempDir
    Path folder;

    private WireMockServer openAi;

    @BeforeEach
    void startOpenAiStandIn() {
        openAi = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
        openAi.start();
    }

    @AfterEach
    void stopOpenAiStandIn() {
        openAi.stop();
    }

    @Test
    void aRefusedPromptFailsTheJobWithTheProvidersReasonAndARetryExportsOnce() throws Exception {
        openAi.stubFor(post(urlEqualTo(EDITS)).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json").withHeader("x-request-id", "req_refused")
                .withBody("{\"error\":{\"message\":\"Your request was rejected as a result of our safety system.\","
                        + "\"type\":\"invalid_request_error\",\"param\":null,\"code\":\"content_policy_violation\"}}")));
        try (OrthancProcess orthanc = OrthancProcess.start(folder);
                GatewayProcess gateway = GatewayProcess.forResearchPacs(folder.resolve("gateway"), orthanc,
                        inpaintingThroughOpenAi("A CT of the {bodyPart|abdomen} with bleeding")).start()) {
            JsonNode job = sendTheCtAndAwaitItsJob(gateway, "FAILED");
            String reason = job.path("reason").asText();
            assertTrue(reason.contains("REFUSED (content_policy_violation)") && reason.contains("safety system")
                    && reason.contains("req_refused"), reason);
            String jobId = job.path("id").asText();
            JsonNode calls = gateway.getJson("/api/generator-calls?reference=" + jobId);
            assertEquals(1, calls.size(), "a refusal is never retried: " + calls);
            assertEquals("REFUSED", calls.get(0).path("outcome").asText());
            assertEquals("A CT of the abdomen with bleeding", calls.get(0).path("prompt").asText(),
                    "CT_small.dcm names no body part: the template's default stands in");
            assertEquals(0, orthanc.get("/instances").size(), "nothing reaches the research PACS");

            openAi.resetAll();
            openAi.stubFor(post(urlEqualTo(EDITS)).willReturn(okJson(GeneratorRequests.openAiImagesAnswer(1, 1024, 1024, 60))));
            HttpResponse<String> retried = TestHttp.send(gateway.request("/api/jobs/" + jobId + "/retry", TestUser.ADMIN)
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(202, retried.statusCode(), retried.body());

            Map<String, String> outputs = StudyProgress.awaitExported(gateway, DicomCopies.studyInstanceUid(CT), 1,
                    Duration.ofSeconds(90));
            assertEquals(1, outputs.size());
            assertEquals(1, orthanc.get("/instances").size(), "one synthetic object, however often the job ran");
            assertEquals(1, openAi.findAll(postRequestedFor(urlEqualTo(EDITS))).size());

            Path exported = folder.resolve("exported.dcm");
            Files.write(exported, orthanc.getBytes("/instances/" + orthanc.get("/instances").get(0).asText() + "/file"));
            assertEquals(List.of(), Dciodvfy.unexpectedErrors(exported));
            String dump = ProcessRun.run(List.of("dcmdump", "+P", "0099,1003", "+P", "0099,1005", "+P", "0099,100a",
                    "+P", "0099,100d", "+P", "0008,0100", exported.toString())).output();
            assertTrue(dump.contains("[A CT of the abdomen with bleeding]"), "prompt in provenance: " + dump);
            assertTrue(dump.contains("[OK]"), "outcome in provenance: " + dump);
            assertFalse(dump.contains("(0099,1005)"), "OpenAI takes no seed, so none is claimed: " + dump);
            assertTrue(dump.contains("(0099,100d) DS"), "export window in provenance: " + dump);
            assertTrue(dump.contains("[113085]"), "resampled for the 1024x1024 canvas: " + dump);
        }
    }

    @Test
    void anImageWithoutBodyPartIsNotSentToBePromptedAsOneAndTheJobSaysWhy() throws Exception {
        openAi.stubFor(post(urlEqualTo(EDITS)).willReturn(okJson(GeneratorRequests.openAiImagesAnswer(1, 1024, 1024, 60))));
        try (OrthancProcess orthanc = OrthancProcess.start(folder);
                GatewayProcess gateway = GatewayProcess.forResearchPacs(folder.resolve("gateway"), orthanc,
                        inpaintingThroughOpenAi("An X-ray of {bodyPart}")).start()) {
            JsonNode job = sendTheCtAndAwaitItsJob(gateway, "FAILED");
            String reason = job.path("reason").asText();
            assertTrue(reason.contains("no Body Part Examined") && reason.contains("{bodyPart|knee}"), reason);
            assertEquals(0, gateway.getJson("/api/generator-calls?reference=" + job.path("id").asText()).size());
            assertEquals(0, openAi.findAll(postRequestedFor(urlEqualTo(EDITS))).size(), "no \"X-ray of body part\" sent");
            assertEquals(0, orthanc.get("/instances").size());
        }
    }

    /** The inpaint experiment through the OpenAI stand-in, prompted with {@code prompt}. */
    private Map<String, String> inpaintingThroughOpenAi(String prompt) {
        return Map.of(
                "synthgate.generator.openai.type", "openai",
                "synthgate.generator.openai.base-url", "http://127.0.0.1:" + openAi.port() + "/v1",
                "synthgate.generator.openai.model", "gpt-image-2",
                "synthgate.experiments.inpaint.generator", "openai",
                "synthgate.experiments.inpaint.prompt", prompt);
    }

    /** Sends CT_small.dcm (it names no body part) and waits for its study's job to reach {@code state}. */
    private static JsonNode sendTheCtAndAwaitItsJob(GatewayProcess gateway, String state) throws Exception {
        ProcessRun sent = ProcessRun.storescu(gateway.dicomPort(), GatewayProcess.AE_TITLE, "STORESCU", List.of(),
                List.of(CT));
        assertEquals(0, sent.exitCode(), sent.output());
        return StudyProgress.awaitJob(gateway, DicomCopies.studyInstanceUid(CT), state, Duration.ofMinutes(1));
    }
}
