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
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The research PACS is down when the outputs of two studies are ready, and stays down far longer than
 * the export's redeliveries would last: no job fails, each waits GENERATED with a line saying what it
 * waits for, readiness names the destination, and once the PACS is up every output reaches it, once.
 */
class DestinationOutageIT {

    @TempDir
    Path folder;

    @Test
    void anOutageLongerThanEveryRetryEndsWithEverythingExportedOnce() throws Exception {
        int pacsPort = FreePorts.next();
        Path ct = TestFiles.pydicom("CT_small.dcm");
        Path chest = TestFiles.shared("fo-dicom/CR-MONO1-10-chest.dcm");
        try (GatewayProcess gateway = GatewayProcess.forResearchPacs(folder.resolve("gateway"), pacsPort, Map.of(
                "synthgate.pipeline.export-retries", "1", "synthgate.pipeline.export-retry-delay-ms", "500",
                "synthgate.export.watch-interval", "1s", "synthgate.export.watch-max-interval", "2s")).start()) {
            ProcessRun sent = ProcessRun.storescu(gateway.dicomPort(), GatewayProcess.AE_TITLE, "STORESCU", List.of(),
                    List.of(ct, chest));
            assertEquals(0, sent.exitCode(), sent.output());

            Map<String, String> jobs = new HashMap<>();
            for (Path file : List.of(ct, chest)) {
                String study = DicomCopies.studyInstanceUid(file);
                jobs.put(study, StudyProgress.awaitWaitingExport(gateway, study, "research (ORTHANC@"));
            }
            Thread.sleep(10_000);
            for (String jobId : jobs.values()) {
                JsonNode job = gateway.getJson("/api/jobs/" + jobId);
                assertEquals("GENERATED", job.path("job").path("state").asText(), "an outage fails no job: " + job);
                for (JsonNode output : job.path("outputs")) {
                    assertEquals("GENERATED", output.path("state").asText(), "nothing is exported while the PACS is down");
                }
            }
            HttpResponse<String> ready = gateway.get("/q/health/ready");
            assertEquals(503, ready.statusCode());
            assertTrue(ready.body().contains("DOWN research (ORTHANC@127.0.0.1:" + pacsPort), ready.body());
            assertTrue(gateway.get("/q/metrics").body().contains("synthgate_destination_reachable{destination=\"research\"} 0.0"));

            try (OrthancProcess pacs = OrthancProcess.start(folder.resolve("pacs"), pacsPort)) {
                // The watch checks a down destination at most every 2 s here, from the gateway's start on:
                // the outputs leave within a few checks of the PACS answering, not when a slower timer fires.
                int outputs = 0;
                for (String study : jobs.keySet()) {
                    Map<String, String> exported = StudyProgress.awaitExported(gateway, study, 1, Duration.ofSeconds(15));
                    for (String synthetic : exported.values()) {
                        assertTrue(pacs.findInstance(synthetic).isPresent(), "the PACS lacks " + synthetic);
                    }
                    outputs += exported.size();
                }
                assertEquals(outputs, pacs.get("/instances").size(), "every output exported once, none twice");
                assertEquals(200, gateway.get("/q/health/ready").statusCode());
                assertTrue(gateway.log().contains("answers again after"), "the recovery is logged");
                assertEquals(outputs, MetricSamples.value(gateway.get("/q/metrics").body(),
                        "synthgate_export_objects_total{destination=\"research\",outcome=\"stored\"}").orElseThrow());
            }
        }
    }
}
