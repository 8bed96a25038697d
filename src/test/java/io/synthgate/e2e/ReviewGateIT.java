package io.synthgate.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Radiologist QC: with review required, a study's candidates wait; nothing reaches the research PACS
 * until a reviewer decides. One approved, one rejected: only the approved one is exported, and both
 * verdicts are audited with who and when. Under review "recorded" both are exported, each carrying
 * its verdict and grade, and the report still shows which was rejected. With two readers each
 * candidate waits for both, the majority decides (a tie rejects), and the report gives their kappa.
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
            assertTrue(csv.lines().anyMatch(line -> line.contains(rejected)
                    && line.endsWith(",EXPORTED,REJECTED,2,rita: REJECTED")),
                    "the report keeps the verdict after export: " + csv);
            String page = gateway.get("/api/experiments/inpaint/report").body();
            assertTrue(page.contains("<td>1 / 1</td><td>3.5</td>"), "one approved, one rejected, grades 5 and 2: " + page);
            String svg = gateway.get("/api/experiments/inpaint/figure.svg").body();
            assertTrue(svg.contains(">approved, grade 5 of 5</text>") && svg.contains(">rejected, grade 2 of 5</text>"),
                    "each candidate's verdict and grade beside it in the figure");
        }
    }

    /**
     * Four candidates, two readers: rita approves the first two, rob only the first. Agreement 3 of 4,
     * chance agreement 1/2 (rita approves half, rob a quarter): Cohen's kappa 0.5. Only the first
     * candidate has a majority to approve it; the second is a tie, rejected.
     */
    @Test
    void twoReadersDecideEachCandidateByMajorityAndTheReportGivesTheirKappa() throws Exception {
        String study = "2.25.5170170170";
        Path first = DicomCopies.asInstanceOf(TestFiles.pydicom("CT_small.dcm"), study, study + ".1", folder.resolve("e.dcm"));
        Path second = DicomCopies.asInstanceOf(TestFiles.pydicom("MR_small.dcm"), study, study + ".2", folder.resolve("f.dcm"));
        try (OrthancProcess orthanc = OrthancProcess.start(folder);
                GatewayProcess gateway = GatewayProcess.forResearchPacs(folder.resolve("gateway"), orthanc,
                        Map.of("synthgate.experiments.inpaint.review", "required",
                                "synthgate.experiments.inpaint.readers", "2",
                                "synthgate.experiments.inpaint.candidates", "2")).start()) {
            ProcessRun sent = ProcessRun.storescu(gateway.dicomPort(), GatewayProcess.AE_TITLE, "STORESCU", List.of(),
                    List.of(first, second));
            assertEquals(0, sent.exitCode(), sent.output());
            JsonNode pending = StudyProgress.awaitPendingReviews(gateway, 4);
            List<String> candidates = new ArrayList<>();
            pending.forEach(item -> candidates.add(item.path("sopInstanceUid").asText()));
            assertEquals(2, pending.get(0).path("readers").asInt());

            List<String> rita = List.of("APPROVED", "APPROVED", "REJECTED", "REJECTED");
            List<String> rob = List.of("APPROVED", "REJECTED", "REJECTED", "REJECTED");
            for (int i = 0; i < 4; i++) {
                assertEquals(200, decide(gateway, candidates.get(i), TestUser.REVIEWER,
                        "{\"decision\": \"" + rita.get(i) + "\", \"grade\": " + (4 - i) + "}").statusCode());
            }
            assertEquals(409, decide(gateway, candidates.get(0), TestUser.REVIEWER, "{\"decision\": \"REJECTED\"}")
                    .statusCode(), "one verdict per reader");
            assertEquals(0, pendingFor(gateway, TestUser.REVIEWER).size(), "rita has decided them all");
            assertEquals(4, pendingFor(gateway, TestUser.SECOND_REVIEWER).size(), "they all wait on rob");
            assertEquals(0, orthanc.get("/instances").size(), "nothing leaves on one reader's verdict");
            for (int i = 0; i < 4; i++) {
                assertEquals(200, decide(gateway, candidates.get(i), TestUser.SECOND_REVIEWER,
                        "{\"decision\": \"" + rob.get(i) + "\"}").statusCode());
            }

            Map<String, String> outputs = StudyProgress.awaitExported(gateway, study, 2, Duration.ofSeconds(60));
            assertEquals(List.of(candidates.get(0)), List.copyOf(outputs.values()),
                    "approved by both; the tie on the second rejects it");
            String page = gateway.get("/api/experiments/inpaint/report").body();
            assertTrue(page.contains("Cohen&#39;s kappa 0.50 (observed agreement 75%, 4 images, 2 readers each)")
                    || page.contains("Cohen's kappa 0.50 (observed agreement 75%, 4 images, 2 readers each)"), page);
            String csv = gateway.get("/api/experiments/inpaint/candidates.csv").body();
            assertTrue(csv.lines().anyMatch(line -> line.contains(candidates.get(1))
                    && line.endsWith(",REJECTED,REJECTED,3,rita: APPROVED; rob: REJECTED")), csv);
        }
    }

    private static JsonNode pendingFor(GatewayProcess gateway, TestUser user) throws Exception {
        return new ObjectMapper().readTree(TestHttp.send(
                gateway.request("/api/reviews", user).build(), HttpResponse.BodyHandlers.ofString()).body());
    }

    private static HttpResponse<String> decide(GatewayProcess gateway, String candidate, TestUser user, String body) {
        return TestHttp.send(gateway.request("/api/reviews/" + candidate, user)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
