package io.synthgate.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.synthgate.testing.DicomCopies;
import io.synthgate.testing.GatewayProcess;
import io.synthgate.testing.OrthancProcess;
import io.synthgate.testing.ProcessRun;
import io.synthgate.testing.TestFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Routing rules choose the experiments of each completed study, as in the README's example: knee
 * radiographs from AE CR_ROOM1 go to outpaint and the radiograph presets (a job each), every CT to
 * inpaint under required review, and a study no rule takes is recorded as unmatched, not failed. A
 * misconfigured experiment stops the start.
 */
class ExperimentRoutingIT {

    private static final String KNEE_STUDY = "2.25.7410741074";
    private static final String CT_STUDY = "2.25.7420742074";
    private static final String MR_STUDY = "2.25.7430743074";
    private static final Map<String, String> RULES = Map.of(
            "synthgate.experiments.outpaint.enabled", "true",
            "synthgate.experiments.outpaint.when", "CallingAETitle=CR_ROOM1; BodyPartExamined=KNEE",
            "synthgate.experiments.radiograph-presets.enabled", "true",
            "synthgate.experiments.radiograph-presets.when", "CallingAETitle=CR_ROOM1; BodyPartExamined=KNEE",
            "synthgate.experiments.inpaint.when", "Modality=CT",
            "synthgate.experiments.inpaint.review", "required");

    @TempDir
    Path folder;

    @Test
    void kneesFromTheRoomGoToTwoExperimentsEveryCtToReviewedInpaintingAndAnMrNowhere() throws Exception {
        Path knee = DicomCopies.asInstanceOf(TestFiles.shared("fo-dicom/CR-MONO1-10-chest.dcm"), KNEE_STUDY,
                KNEE_STUDY + ".1", "KNEE", folder.resolve("knee.dcm"));
        Path ct = DicomCopies.asInstanceOf(TestFiles.pydicom("CT_small.dcm"), CT_STUDY, CT_STUDY + ".1",
                folder.resolve("ct.dcm"));
        Path mr = DicomCopies.asInstanceOf(TestFiles.pydicom("MR_small.dcm"), MR_STUDY, MR_STUDY + ".1",
                folder.resolve("mr.dcm"));
        try (OrthancProcess orthanc = OrthancProcess.start(folder);
                GatewayProcess gateway = GatewayProcess.forResearchPacs(folder.resolve("gateway"), orthanc, RULES).start()) {
            send(gateway, "CR_ROOM1", knee);
            send(gateway, "CT_SCANNER", ct);
            send(gateway, "MR_3T", mr);

            Map<String, String> kneeOutputs = StudyProgress.awaitExported(gateway, KNEE_STUDY, 1, Duration.ofSeconds(120));
            JsonNode kneeStudy = gateway.getJson("/api/studies/" + KNEE_STUDY);
            List<String> experiments = new ArrayList<>();
            Set<String> operations = new TreeSet<>();
            for (JsonNode job : kneeStudy.path("jobs")) {
                experiments.add(job.path("experiment").asText());
                for (JsonNode output : gateway.getJson("/api/jobs/" + job.path("id").asText()).path("outputs")) {
                    assertEquals(KNEE_STUDY + ".1", output.path("sourceSopInstanceUid").asText(),
                            "each job processes the study's one knee: " + output);
                    operations.add(output.path("maskSpec").asText());
                }
            }
            assertEquals(List.of("outpaint", "radiograph-presets"), experiments, "a job for each experiment, by name");
            assertEquals(List.of("outpaint", "radiograph-presets"), texts(listed(gateway, KNEE_STUDY).path("experiments")),
                    "GET /api/studies says where the study went");
            assertEquals(Set.of("extend top 25% bottom 25%", "rectangle 25% 42% 50% 16%"), operations,
                    "outpainted by a quarter each way, and the knee preset");
            assertEquals(1, kneeOutputs.size());
            assertTrue(orthanc.findInstance(kneeOutputs.values().iterator().next()).isPresent());

            JsonNode pending = StudyProgress.awaitPendingReviews(gateway, 1);
            JsonNode ctJob = gateway.getJson("/api/jobs/" + pending.get(0).path("jobId").asText()).path("job");
            assertEquals(CT_STUDY, ctJob.path("studyInstanceUid").asText());
            assertEquals("inpaint", ctJob.path("experiment").asText());
            assertEquals("AWAITING_REVIEW", ctJob.path("state").asText());

            JsonNode mrJob = StudyProgress.awaitJob(gateway, MR_STUDY, "UNMATCHED", Duration.ofMinutes(2));
            assertTrue(mrJob.path("reason").asText().startsWith("no enabled experiment's rule takes this study"),
                    mrJob.toString());
            assertEquals(1, gateway.getJson("/api/studies/" + MR_STUDY).path("jobs").size(), "one job, unmatched");
            JsonNode mrListed = listed(gateway, MR_STUDY);
            assertTrue(mrListed.path("unmatched").asBoolean(), mrListed.toString());
            assertEquals(List.of(), texts(mrListed.path("experiments")));

            assertEquals(2, orthanc.get("/instances").size(),
                    "the knee's two synthetic objects; the CT's waits for review, the MR has none");
        }
    }

    /** The route of one's own that camel-routes/README.md shows, taken from the README itself. */
    @Test
    void theReadmesRouteOfYourOwnRegeneratesOnlyTheImagesItFilters() throws Exception {
        String readme = Files.readString(Path.of("camel-routes/README.md"));
        int start = readme.indexOf("```yaml\n- route:\n    id: experiment-presets-only");
        assertTrue(start >= 0, "camel-routes/README.md shows the route experiment-presets-only");
        Path routes = Files.createDirectories(folder.resolve("own-routes"));
        Files.writeString(routes.resolve("presets-only.yaml"),
                readme.substring(start + "```yaml\n".length(), readme.indexOf("```", start + 7)));
        String study = "2.25.7440744074";
        Path chest = DicomCopies.asInstanceOf(TestFiles.shared("fo-dicom/CR-MONO1-10-chest.dcm"), study, study + ".1",
                "CHEST", folder.resolve("chest.dcm"));
        Path elbow = DicomCopies.asInstanceOf(TestFiles.shared("fo-dicom/CR-MONO1-10-chest.dcm"), study, study + ".2",
                "ELBOW", folder.resolve("elbow.dcm"));
        try (OrthancProcess orthanc = OrthancProcess.start(folder);
                GatewayProcess gateway = GatewayProcess.forResearchPacs(folder.resolve("gateway"), orthanc, Map.of(
                        "camel.main.routes-include-pattern", "file:" + Path.of("camel-routes").toAbsolutePath()
                                + "/*.yaml,file:" + routes.toAbsolutePath() + "/*.yaml",
                        "synthgate.experiments.inpaint.enabled", "false",
                        "synthgate.experiments.presets-only.mask", "rectangle 40% 40% 20% 20%",
                        "synthgate.experiments.presets-only.presets.CHEST", "ellipse 30% 60% 12% 14%")).start()) {
            send(gateway, "CR_ROOM1", chest);
            send(gateway, "CR_ROOM1", elbow);
            Map<String, String> outputs = StudyProgress.awaitExported(gateway, study, 2, Duration.ofSeconds(120));
            assertEquals(Set.of(study + ".1"), outputs.keySet(), "only the chest passes the route's filter");
            assertEquals("presets-only", gateway.getJson("/api/studies/" + study).path("jobs").get(0)
                    .path("experiment").asText());
            assertEquals(1, orthanc.get("/instances").size());
        }
    }

    @Test
    void aMisspeltMaskAndAnExperimentWithoutARouteEachStopTheStartNamingTheKey() {
        IllegalStateException misspelt = assertThrows(IllegalStateException.class, () -> GatewayProcess
                .forResearchPacs(folder.resolve("misspelt"), 1, Map.of("synthgate.experiments.inpaint.mask",
                        "rectangel 40% 40% 20% 20%"))
                .start().close());
        assertTrue(misspelt.getMessage().contains("synthgate.experiments.inpaint.mask: Mask spec 'rectangel"),
                misspelt.getMessage());

        IllegalStateException routeless = assertThrows(IllegalStateException.class, () -> GatewayProcess
                .forResearchPacs(folder.resolve("routeless"), 1, Map.of("synthgate.experiments.knees.mask",
                        "rectangle 0 0 10% 10%"))
                .start().close());
        assertTrue(routeless.getMessage().contains("synthgate.experiments.knees: enabled, but no route takes"
                + " direct:experiment-knees"), routeless.getMessage());
    }

    private static void send(GatewayProcess gateway, String callingAe, Path file) {
        ProcessRun sent = ProcessRun.storescu(gateway.dicomPort(), GatewayProcess.AE_TITLE, callingAe, List.of(),
                List.of(file));
        assertEquals(0, sent.exitCode(), sent.output());
    }

    /** The study as {@code GET /api/studies} lists it. */
    private static JsonNode listed(GatewayProcess gateway, String study) {
        for (JsonNode listed : gateway.getJson("/api/studies")) {
            if (listed.path("studyInstanceUid").asText().equals(study)) {
                return listed;
            }
        }
        throw new AssertionError("Study " + study + " is not listed");
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(value -> texts.add(value.asText()));
        return texts;
    }
}
