package io.synthgate.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
 * The research PACS answers C-ECHO but takes no C-STORE from the gateway, as one not yet told about a
 * new sender does: it aborts the association on the first object. That is no outage to wait out, as
 * waiting would never end: the export is redelivered, then the job fails with a reason that says what
 * the PACS did, readiness stays up and the failed objects are counted. Once the PACS takes the
 * gateway's stores, retrying the job exports every output once.
 */
class RefusingResearchPacsIT {

    private static final String FAILED = "synthgate_export_objects_total{destination=\"research\",outcome=\"failed\"}";
    private static final String STORED = "synthgate_export_objects_total{destination=\"research\",outcome=\"stored\"}";

    @TempDir
    Path folder;

    @Test
    void aPacsThatTakesNoStoreFromTheGatewayFailsTheJobWithTheReasonAndARetryExportsOnceItDoes() throws Exception {
        int pacsPort = FreePorts.next();
        Path ct = TestFiles.pydicom("CT_small.dcm");
        String study = DicomCopies.studyInstanceUid(ct);
        // The refusing PACS is up before the gateway, whose first C-ECHO must find it answering.
        try (OrthancProcess refusing = OrthancProcess.startRefusingStores(folder.resolve("pacs"), pacsPort);
                GatewayProcess gateway = GatewayProcess.forResearchPacs(folder.resolve("gateway"), pacsPort, Map.of(
                        "synthgate.pipeline.export-retries", "1", "synthgate.pipeline.export-retry-delay-ms", "500"))
                        .start()) {
            ProcessRun sent = ProcessRun.storescu(gateway.dicomPort(), GatewayProcess.AE_TITLE, "STORESCU",
                    List.of(), List.of(ct));
            assertEquals(0, sent.exitCode(), sent.output());

            JsonNode job = StudyProgress.awaitJob(gateway, study, "FAILED", Duration.ofMinutes(1));
            String jobId = job.path("id").asText();
            String reason = job.path("reason").asText();
            assertTrue(reason.contains("research (ORTHANC@127.0.0.1:" + pacsPort + ", research) answers C-ECHO but "
                    + "stored none") && reason.contains("association from SYNTHGATE failed"), reason);
            assertEquals(0, refusing.get("/instances").size());
            assertEquals(200, gateway.get("/q/health/ready").statusCode(), "a PACS that answers is no outage");
            assertFalse(gateway.log().contains("is unreachable"), "the refusal is not taken for an outage");
            String metrics = gateway.get("/q/metrics").body();
            assertTrue(MetricSamples.value(metrics, FAILED).orElseThrow() >= 2, "the send and its redelivery");
            assertEquals(0, MetricSamples.value(metrics, STORED).orElse(0), "nothing stored: " + metrics);
            refusing.close();

            try (OrthancProcess pacs = OrthancProcess.start(folder.resolve("pacs"), pacsPort)) {
                HttpResponse<String> retried = TestHttp.send(gateway.request("/api/jobs/" + jobId + "/retry",
                        TestUser.ADMIN).POST(HttpRequest.BodyPublishers.noBody()).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(202, retried.statusCode(), retried.body());
                Map<String, String> exported = StudyProgress.awaitExported(gateway, study, 1, Duration.ofSeconds(60));
                for (String synthetic : exported.values()) {
                    assertTrue(pacs.findInstance(synthetic).isPresent(), "the PACS lacks " + synthetic);
                }
                assertEquals(exported.size(), pacs.get("/instances").size(), "every output exported once");
                assertEquals(exported.size(), MetricSamples.value(gateway.get("/q/metrics").body(), STORED).orElseThrow());
            }
        }
    }
}
