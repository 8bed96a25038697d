package io.synthgate.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
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

/**
 * The research PACS answers every C-STORE with success and keeps nothing, as a PACS whose filter or
 * routing rule discards objects does. With {@code confirm-stored} the gateway asks it back with a
 * C-FIND, so the job fails with that reason instead of counting lost objects as exported; a PACS that
 * will not answer the C-FIND fails it with that reason; and once the PACS keeps the objects and
 * answers, a retry exports every output once.
 */
class DroppingResearchPacsIT {

    private static final String METRIC = "synthgate_export_objects_total{destination=\"research\",outcome=\"%s\"}";

    @TempDir
    Path folder;

    @Test
    void objectsThePacsAcknowledgesButDoesNotKeepFailTheJobAndARetryExportsThemOnceItKeepsThem() throws Exception {
        int pacsPort = FreePorts.next();
        Path ct = TestFiles.pydicom("CT_small.dcm");
        String study = DicomCopies.studyInstanceUid(ct);
        Path pacsFolder = folder.resolve("pacs");
        try (GatewayProcess gateway = GatewayProcess.forResearchPacs(folder.resolve("gateway"), pacsPort, Map.of(
                "synthgate.destinations.research.confirm-stored", "true",
                "synthgate.pipeline.export-retries", "1", "synthgate.pipeline.export-retry-delay-ms", "500"))) {
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
                retry(gateway, jobId);
                JsonNode job = StudyProgress.awaitFailure(gateway, study, "confirming them failed",
                        Duration.ofMinutes(1));
                assertTrue(job.path("reason").asText().contains("C-FIND from SYNTHGATE failed"), job.toString());
                assertEquals(1, keepingButNotAnswering.get("/instances").size(), "stored, though not confirmed");
            }

            try (OrthancProcess pacs = OrthancProcess.startKnowingGateway(pacsFolder, pacsPort)) {
                retry(gateway, jobId);
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
