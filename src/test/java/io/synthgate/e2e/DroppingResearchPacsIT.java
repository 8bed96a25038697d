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
import org.openqa.selenium.By;

/**
 * The research PACS answers every C-STORE with success and keeps nothing, as a PACS whose filter or
 * routing rule discards objects does. With {@code confirm-stored} the gateway asks it back with a
 * C-FIND, so the job fails with that reason instead of counting lost objects as exported. A PACS that
 * will not answer C-FIND from the gateway is found out by the destination watch's own C-FIND before
 * any export, readiness says so, and the retried job waits without sending; once the PACS keeps the
 * objects and answers, the job goes on by itself and exports every output once.
 */
class DroppingResearchPacsIT {

    private static final String METRIC = "synthgate_export_objects_total{destination=\"research\",outcome=\"%s\"}";

    @TempDir
    Path folder;

    @Test
    void objectsThePacsAcknowledgesButDoesNotKeepFailTheJobAndARetryWaitsUntilItKeepsAndAnswersThem()
            throws Exception {
        int pacsPort = FreePorts.next();
        Path ct = TestFiles.pydicom("CT_small.dcm");
        String study = DicomCopies.studyInstanceUid(ct);
        Path pacsFolder = folder.resolve("pacs");
        try (GatewayProcess gateway = GatewayProcess.forResearchPacs(folder.resolve("gateway"), pacsPort, Map.of(
                "synthgate.destinations.research.confirm-stored", "true",
                "synthgate.pipeline.export-retries", "1", "synthgate.pipeline.export-retry-delay-ms", "500",
                "synthgate.export.watch-interval", "1s", "synthgate.export.watch-max-interval", "2s"))) {
            String jobId;
            try (OrthancProcess dropping = OrthancProcess.startDroppingStores(pacsFolder, pacsPort)) {
                gateway.start();
                ProcessRun sent = ProcessRun.storescu(gateway.dicomPort(), GatewayProcess.AE_TITLE, "STORESCU",
                        List.of(), List.of(ct));
                assertEquals(0, sent.exitCode(), sent.output());

                JsonNode job = StudyProgress.awaitFailure(gateway, study, "C-FIND finds 0 of those",
                        Duration.ofMinutes(1));
                jobId = job.path("id").asText();
                assertTrue(job.path("reason").asText().contains("research (ORTHANC@127.0.0.1:" + pacsPort
                        + ", research) accepted 1 of 1 synthetic objects"), job.toString());
                assertEquals(0, dropping.get("/instances").size(), "the filter kept nothing");
                String metrics = gateway.get("/q/metrics").body();
                assertTrue(metric(metrics, "unconfirmed") >= 2, "the send and its redelivery: " + metrics);
                assertEquals(0, metric(metrics, "stored"), "nothing counted stored: " + metrics);
                assertEquals(0, metric(metrics, "failed"), "every C-STORE was acknowledged: " + metrics);
            }

            // The filter removed, but the PACS does not know the gateway, so it answers no C-FIND from it.
            try (OrthancProcess keepingButNotAnswering = OrthancProcess.start(pacsFolder, pacsPort)) {
                String ready = StudyProgress.awaitNotReady(gateway, "Cannot confirm stores for ",
                        Duration.ofSeconds(30));
                assertTrue(ready.contains("it answers C-ECHO, but the C-FIND from SYNTHGATE failed"), ready);
                retry(gateway, jobId);
                StudyProgress.awaitWaitingExport(gateway, study, "cannot confirm stores");
                Thread.sleep(3000);
                JsonNode job = gateway.getJson("/api/jobs/" + jobId);
                assertEquals("GENERATED", job.path("job").path("state").asText(), "waiting, not failed: " + job);
                assertEquals(0, keepingButNotAnswering.get("/instances").size(),
                        "nothing sent that cannot be confirmed");
                try (Browser browser = Browser.open(gateway.url(""))) {
                    browser.signIn(TestUser.ADMIN);
                    browser.awaitUrlContaining("/admin/dashboard");
                    assertEquals("UNCONFIRMED", browser.text(By.id("destination-research")));
                    String problem = browser.text(By.id("destination-research-problem"));
                    assertTrue(problem.startsWith("Cannot confirm stores for ")
                            && problem.contains("C-FIND from SYNTHGATE failed: the PACS aborted the association")
                            && problem.contains("it must answer C-FIND from that AE title"), problem);
                    browser.screenshot("dashboard-destination-unconfirmed");
                }
            }

            try (OrthancProcess pacs = OrthancProcess.startKnowingGateway(pacsFolder, pacsPort)) {
                Map<String, String> exported = StudyProgress.awaitExported(gateway, study, 1, Duration.ofSeconds(60));
                for (String synthetic : exported.values()) {
                    assertTrue(pacs.findInstance(synthetic).isPresent(), "the PACS lacks " + synthetic);
                }
                assertEquals(exported.size(), pacs.get("/instances").size(), "every output held once");
                assertEquals(exported.size(), metric(gateway.get("/q/metrics").body(), "stored"));
            }
        }
    }

    private static void retry(GatewayProcess gateway, String jobId) {
        HttpResponse<String> retried = TestHttp.send(gateway.request("/api/jobs/" + jobId + "/retry", TestUser.ADMIN)
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(202, retried.statusCode(), retried.body());
    }

    private static double metric(String metrics, String outcome) {
        return MetricSamples.value(metrics, METRIC.formatted(outcome)).orElse(0);
    }
}
