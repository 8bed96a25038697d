package io.synthgate.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.synthgate.testing.GatewayProcess;
import io.synthgate.testing.GeneratorRequests;
import io.synthgate.testing.OrthancProcess;
import io.synthgate.testing.TestHttp;
import io.synthgate.testing.TestUser;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seed paper's text-to-image experiment through the REST API and a WireMock'd OpenAI: one
 * synthetic study per body part lands in a real Orthanc with every candidate, under a synthetic
 * patient, and the prompt the provider refuses ("bleeding") shows REFUSED in the run.
 */
class TextToImageRunIT {

    private static final String GENERATIONS = "/v1/images/generations";

    @TempDir
    Path folder;

    @Test
    void aRunPutsOneSyntheticStudyPerBodyPartInTheResearchPacsAndShowsTheRefusal() throws Exception {
        WireMockServer openAi = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
        openAi.start();
        openAi.stubFor(post(urlEqualTo(GENERATIONS)).willReturn(okJson(GeneratorRequests.openAiImagesAnswer(4, 1024, 1024, 90))));
        openAi.stubFor(post(urlEqualTo(GENERATIONS)).withRequestBody(containing("bleeding")).willReturn(aResponse()
                .withStatus(400).withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"message\":\"Your request was rejected as a result of our safety system.\","
                        + "\"type\":\"invalid_request_error\",\"param\":null,\"code\":\"content_policy_violation\"}}")));
        Map<String, String> config = Map.of(
                "synthgate.generator.openai.type", "openai",
                "synthgate.generator.openai.base-url", "http://127.0.0.1:" + openAi.port() + "/v1",
                "synthgate.generator.openai.model", "gpt-image-2");
        try (OrthancProcess orthanc = OrthancProcess.start(folder);
                GatewayProcess gateway = GatewayProcess.forResearchPacs(folder.resolve("gateway"), orthanc, config).start()) {
            HttpResponse<String> started = TestHttp.send(gateway.request(
                    "/api/experiments/txt2img/runs", TestUser.RESEARCHER).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "{\"bodyParts\": [\"chest\", \"knee\", \"bleeding\"], \"generator\": \"openai\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(202, started.statusCode(), started.body());
            String runId = TestHttp.json(started.body()).path("id").asText();

            JsonNode run = awaitFinished(gateway, runId);
            assertEquals(2, run.path("progress").path("exported").asInt(), run.toString());
            assertEquals(1, run.path("progress").path("failed").asInt(), run.toString());
            JsonNode refused = run.path("prompts").get(2);
            assertEquals("REFUSED", refused.path("outcome").asText());
            assertTrue(refused.path("detail").asText().contains("content_policy_violation"), refused.toString());

            Set<String> studies = new HashSet<>();
            for (JsonNode prompt : run.path("prompts")) {
                if (prompt.path("outcome").asText().equals("OK")) {
                    assertEquals(4, prompt.path("candidates").size(), "every candidate kept: " + prompt);
                    studies.add(prompt.path("studyInstanceUid").asText());
                }
            }
            assertEquals(2, studies.size(), "one synthetic study per body part");
            assertEquals(8, orthanc.get("/instances").size(), "4 candidates x 2 body parts in the research PACS");
            for (JsonNode id : orthanc.get("/studies")) {
                JsonNode study = orthanc.get("/studies/" + id.asText());
                assertTrue(studies.contains(study.path("MainDicomTags").path("StudyInstanceUID").asText()), study.toString());
                assertEquals("SYNTHETIC^TXT2IMG", study.path("PatientMainDicomTags").path("PatientName").asText());
                assertEquals("SYN-" + runId, study.path("PatientMainDicomTags").path("PatientID").asText());
            }
        } finally {
            openAi.stop();
        }
    }

    private static JsonNode awaitFinished(GatewayProcess gateway, String runId) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(90);
        JsonNode run = null;
        while (Instant.now().isBefore(deadline)) {
            run = gateway.getJson("/api/experiments/txt2img/runs/" + runId);
            if (run.path("finished").asBoolean()) {
                return run;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("run " + runId + " did not finish: " + run);
    }
}
