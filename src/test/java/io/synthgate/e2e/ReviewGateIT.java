package io.synthgate.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.synthgate.testing.DicomCopies;
import io.synthgate.testing.GatewayProcess;
import io.synthgate.testing.OrthancProcess;
import io.synthgate.testing.ProcessRun;
import io.synthgate.testing.TestFiles;
import io.synthgate.testing.TestHttp;
import io.synthgate.testing.TestUser;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Radiologist QC: with review required, a study's candidates wait; nothing reaches the research PACS
 * until a reviewer decides. One approved, one rejected: only the approved one is exported, and both
 * verdicts are audited with who and when. Under review "recorded" both are exported, each carrying
 * its verdict and grade, and the report still shows which was rejected.
 */
class ReviewGateIT {

    private static final String STUDY = "2.25.5150150150";

    @TempDir
    Path folder;

    @Test
    void onlyApprovedCandidatesReachTheResearchPacs() throws Exception {
        Path first = DicomCopies.asInstanceOf(TestFiles.pydicom("CT_small.dcm"), STUDY, STUDY + ".1", folder.resolve("a.dcm"));
        Path second = DicomCopies.asInstanceOf(TestFiles.pydicom("MR_small.dcm"), STUDY, STUDY + ".2", folder.resolve("b.dcm"));
        try (OrthancProcess orthanc = OrthancProcess.start(folder);
                GatewayProcess gateway = GatewayProcess.forResearchPacs(folder.resolve("gateway"), orthanc,
                        Map.of("synthgate.experiments.inpaint.review", "required")).start()) {
            ProcessRun sent = ProcessRun.storescu(gateway.dicomPort(), GatewayProcess.AE_TITLE, "STORESCU", List.of(),
                    List.of(first, second));
            assertEquals(0, sent.exitCode(), sent.output());

            JsonNode pending = StudyProgress.awaitPendingReviews(gateway, 2);
            assertEquals("AWAITING_REVIEW", gateway.getJson("/api/jobs/" + pending.get(0).path("jobId").asText())
                    .path("job").path("state").asText());
            assertEquals(0, orthanc.get("/instances").size(), "nothing is exported before review");
            String approved = pending.get(0).path("sopInstanceUid").asText();
            String rejected = pending.get(1).path("sopInstanceUid").asText();
            HttpResponse<byte[]> preview = TestHttp.send(
                    gateway.request("/api/reviews/" + approved + "/preview.png", TestUser.REVIEWER).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, preview.statusCode());
            assertEquals((byte) 0x89, preview.body()[0], "a PNG the reviewer can look at");

            assertEquals(403, decide(gateway, approved, TestUser.RESEARCHER, "{\"decision\": \"APPROVED\"}").statusCode(),
                    "only reviewers and admins give verdicts");
            assertEquals(400, decide(gateway, rejected, TestUser.REVIEWER, "{\"decision\": \"MAYBE\"}").statusCode());
            assertEquals(200, decide(gateway, approved, TestUser.REVIEWER,
                    "{\"decision\": \"APPROVED\", \"reviewer\": \"dr.impostor\", \"grade\": 4}").statusCode());
            assertEquals(409, decide(gateway, approved, TestUser.REVIEWER, "{\"decision\": \"REJECTED\"}").statusCode(),
                    "a decided candidate is not decided again");
            assertEquals(200, decide(gateway, rejected, TestUser.ADMIN,
                    "{\"decision\": \"REJECTED\", \"comment\": \"implant edge visible\"}").statusCode());

            Map<String, String> outputs = StudyProgress.awaitExported(gateway, STUDY, 2, Duration.ofSeconds(60));
            assertEquals(List.of(approved), List.copyOf(outputs.values()), "only the approved candidate is exported");
            assertTrue(orthanc.findInstance(approved).isPresent());
            assertTrue(orthanc.findInstance(rejected).isEmpty(), "a rejected candidate never leaves");
            JsonNode decisions = gateway.getJson("/api/reviews/decisions?jobId=" + pending.get(0).path("jobId").asText());
            assertEquals(2, decisions.size());
            assertEquals(TestUser.REVIEWER.username(), decisions.get(0).path("reviewer").asText(),
                    "the verdict is the signed-in user's, whatever name the body gives");
            assertEquals(TestUser.ADMIN.username(), decisions.get(1).path("reviewer").asText());
            assertEquals(4, decisions.get(0).path("grade").asInt());
            assertEquals("REJECTED", decisions.get(1).path("decision").asText());
            assertTrue(!decisions.get(1).path("decidedAt").asText().isEmpty());
        }
    }

    @Test
    void underRecordedReviewEveryCandidateIsExportedWithItsVerdictInTheObject() throws Exception {
        String study = "2.25.5160160160";
        Path first = DicomCopies.asInstanceOf(TestFiles.pydicom("CT_small.dcm"), study, study + ".1", folder.resolve("c.dcm"));
        Path second = DicomCopies.asInstanceOf(TestFiles.pydicom("MR_small.dcm"), study, study + ".2", folder.resolve("d.dcm"));
        try (OrthancProcess orthanc = OrthancProcess.start(folder);
                GatewayProcess gateway = GatewayProcess.forResearchPacs(folder.resolve("gateway"), orthanc,
                        Map.of("synthgate.experiments.inpaint.review", "recorded")).start()) {
            ProcessRun sent = ProcessRun.storescu(gateway.dicomPort(), GatewayProcess.AE_TITLE, "STORESCU", List.of(),
                    List.of(first, second));
            assertEquals(0, sent.exitCode(), sent.output());

            JsonNode pending = StudyProgress.awaitPendingReviews(gateway, 2);
            assertEquals(0, orthanc.get("/instances").size(), "nothing is exported before review");
            String approved = pending.get(0).path("sopInstanceUid").asText();
            String rejected = pending.get(1).path("sopInstanceUid").asText();
            assertEquals(200, decide(gateway, approved, TestUser.REVIEWER, "{\"decision\": \"APPROVED\", \"grade\": 5}")
                    .statusCode());
            assertEquals(200, decide(gateway, rejected, TestUser.REVIEWER, "{\"decision\": \"REJECTED\", \"grade\": 2}")
                    .statusCode());

            Map<String, String> outputs = StudyProgress.awaitExported(gateway, study, 2, Duration.ofSeconds(60));
            assertEquals(2, outputs.size(), "approved and rejected alike are exported: " + outputs);
            for (String[] expected : List.of(new String[] {approved, "APPROVED", "5"}, new String[] {rejected, "REJECTED", "2"})) {
                String id = orthanc.findInstance(expected[0]).orElseThrow();
                assertEquals(expected[1], new String(orthanc.getBytes("/instances/" + id + "/content/0099-1015")).strip());
                assertEquals(expected[2], new String(orthanc.getBytes("/instances/" + id + "/content/0099-1016")).strip());
            }
            String csv = gateway.get("/api/experiments/inpaint/candidates.csv").body();
            assertTrue(csv.lines().anyMatch(line -> line.contains(rejected) && line.endsWith(",EXPORTED,REJECTED,2")),
                    "the report keeps the verdict after export: " + csv);
            String page = gateway.get("/api/experiments/inpaint/report").body();
            assertTrue(page.contains("<td>1 / 1</td><td>3.5</td>"), "one approved, one rejected, grades 5 and 2: " + page);
            String svg = gateway.get("/api/experiments/inpaint/figure.svg").body();
            assertTrue(svg.contains(">approved, grade 5 of 5</text>") && svg.contains(">rejected, grade 2 of 5</text>"),
                    "each candidate's verdict and grade beside it in the figure");
        }
    }

    private static HttpResponse<String> decide(GatewayProcess gateway, String candidate, TestUser user, String body) {
        return TestHttp.send(gateway.request("/api/reviews/" + candidate, user)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
