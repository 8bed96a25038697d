package io.synthgate.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.synthgate.testing.Browser;
import io.synthgate.testing.DicomCopies;
import io.synthgate.testing.FreePorts;
import io.synthgate.testing.GatewayProcess;
import io.synthgate.testing.MetricSamples;
import io.synthgate.testing.OrthancProcess;
import io.synthgate.testing.ProcessRun;
import io.synthgate.testing.TestFiles;
import io.synthgate.testing.TestUser;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.junit.jupiter.api.io.TempDir;

/**
 * The research PACS has no room: it answers C-ECHO, and every C-STORE with A700 (Refused: Out of
 * Resources), as one whose storage is full does. No job fails on that: the job waits GENERATED with a
 * line naming the status, readiness and the dashboard say the destination has no room, and an export
 * tries again at growing intervals. Once an admin frees space at the PACS, the next try stores the
 * output, once. With {@code synthgate.export.outage-limit} set, the job fails once it has waited that long.
 */
class FullResearchPacsIT {

    private static final String FAILED = "synthgate_export_objects_total{destination=\"research\",outcome=\"failed\"}";

    @TempDir
    Path folder;

    @Test
    void aPacsOutOfStorageFailsNoJobAndTheOutputIsStoredOnceRoomIsMade() throws Exception {
        int pacsPort = FreePorts.next();
        try (OrthancProcess pacs = startFullPacs(pacsPort);
                GatewayProcess gateway = GatewayProcess.forResearchPacs(folder.resolve("gateway"), pacsPort, Map.of(
                        "synthgate.pipeline.export-retries", "1", "synthgate.pipeline.export-retry-delay-ms", "500",
                        "synthgate.pipeline.resume-interval", "1s",
                        "synthgate.export.watch-interval", "1s", "synthgate.export.watch-max-interval", "2s"))
                        .start()) {
            String study = sendCt(gateway);

            String jobId = StudyProgress.awaitWaitingExport(gateway, study, "research (ORTHANC@127.0.0.1:" + pacsPort
                    + ", research) has no room: it refused 1 of 1 synthetic objects with A700 (Refused: Out of Resources)");
            double refusedAtFirst = failed(gateway);
            Thread.sleep(8_000);
            JsonNode job = gateway.getJson("/api/jobs/" + jobId);
            assertEquals("GENERATED", job.path("job").path("state").asText(), "a full PACS fails no job: " + job);
            assertTrue(failed(gateway) > refusedAtFirst, "an export tried again while the PACS had no room");
            long waits = StreamSupport.stream(job.path("events").spliterator(), false)
                    .filter(event -> event.path("reason").asText().startsWith("export waits: ")).count();
            assertEquals(1, waits, "the wait is said once, not once a try: " + job.path("events"));
            HttpResponse<String> ready = gateway.get("/q/health/ready");
            assertEquals(503, ready.statusCode());
            assertTrue(ready.body().contains("DOWN research (ORTHANC@127.0.0.1:" + pacsPort + ", research): No room for ")
                    && ready.body().contains("with A700 (Refused: Out of Resources)"), ready.body());
            assertEquals(1, pacs.get("/instances").size(), "the PACS holds only what it held");
            try (Browser browser = Browser.open(gateway.url(""))) {
                browser.signIn(TestUser.ADMIN);
                browser.awaitUrlContaining("/admin/dashboard");
                assertEquals("FULL", browser.text(By.id("destination-research")));
                String problem = browser.text(By.id("destination-research-problem"));
                assertTrue(problem.startsWith("No room for ")
                        && problem.contains(" s: it refused 1 of 1 synthetic objects with A700"), problem);
                browser.screenshot("dashboard-destination-full");
            }

            pacs.deletePatients();
            Map<String, String> exported = StudyProgress.awaitExported(gateway, study, 1, Duration.ofSeconds(20));
            for (String synthetic : exported.values()) {
                assertTrue(pacs.findInstance(synthetic).isPresent(), "the PACS lacks " + synthetic);
            }
            assertEquals(exported.size(), pacs.get("/instances").size(), "every output stored once");
            assertEquals(200, gateway.get("/q/health/ready").statusCode());
            assertTrue(gateway.log().contains("stores again after"), "the end of the state is logged");
        }
    }

    @Test
    void withAnOutageLimitAJobWaitingForRoomFailsOnceTheLimitIsReached() throws Exception {
        int pacsPort = FreePorts.next();
        try (OrthancProcess pacs = startFullPacs(pacsPort);
                GatewayProcess gateway = GatewayProcess.forResearchPacs(folder.resolve("gateway"), pacsPort, Map.of(
                        "synthgate.export.outage-limit", "6s",
                        "synthgate.export.watch-interval", "1s", "synthgate.export.watch-max-interval", "2s"))
                        .start()) {
            String study = sendCt(gateway);

            JsonNode job = StudyProgress.awaitFailure(gateway, study, "synthgate.export.outage-limit is 6 s",
                    Duration.ofSeconds(90));
            assertTrue(job.path("reason").asText().startsWith("research (ORTHANC@127.0.0.1:" + pacsPort
                    + ", research) has no room: it refused 1 of 1 synthetic objects with A700"), job.toString());
            assertEquals(1, pacs.get("/instances").size(), "the PACS holds only what it held");
        }
    }

    /** The full research PACS, holding a protected MR patient, on {@code pacsPort}. */
    private OrthancProcess startFullPacs(int pacsPort) throws Exception {
        return OrthancProcess.startFull(folder.resolve("pacs"), pacsPort, TestFiles.pydicom("MR_small.dcm"));
    }

    /** Sends the CT to the gateway; returns its Study Instance UID. */
    private static String sendCt(GatewayProcess gateway) throws Exception {
        Path ct = TestFiles.pydicom("CT_small.dcm");
        ProcessRun sent = ProcessRun.storescu(gateway.dicomPort(), GatewayProcess.AE_TITLE, "STORESCU", List.of(),
                List.of(ct));
        assertEquals(0, sent.exitCode(), sent.output());
        return DicomCopies.studyInstanceUid(ct);
    }

    private static double failed(GatewayProcess gateway) {
        return MetricSamples.value(gateway.get("/q/metrics").body(), FAILED).orElse(0);
    }
}
