package io.synthgate.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/**
 * The research PACS answers C-ECHO but takes no C-STORE from the gateway, as one not yet told about a
 * new sender does: it aborts the association on the first object. That is no outage to wait out, as
 * waiting would never end: the export is redelivered, then the job fails with a reason that says what
 * the PACS did, readiness stays up and the failed objects are counted. Once the PACS takes the
 * gateway's stores, the admin retries every failed job at once from the jobs page, and every output is
 * exported once.
 */
class RefusingResearchPacsIT {

    private static final String FAILED = "synthgate_export_objects_total{destination=\"research\",outcome=\"failed\"}";
    private static final String STORED = "synthgate_export_objects_total{destination=\"research\",outcome=\"stored\"}";

    @TempDir
    Path folder;

    @Test
    void aPacsThatTakesNoStoreFromTheGatewayFailsTheJobsWithTheReasonAndOneRetryExportsAllOnceItDoes()
            throws Exception {
        int pacsPort = FreePorts.next();
        Path ct = TestFiles.pydicom("CT_small.dcm");
        Path mr = TestFiles.pydicom("MR_small.dcm");
        String study = DicomCopies.studyInstanceUid(ct);
        String otherStudy = DicomCopies.studyInstanceUid(mr);
        // The refusing PACS is up before the gateway, whose first C-ECHO must find it answering.
        try (OrthancProcess refusing = OrthancProcess.startRefusingStores(folder.resolve("pacs"), pacsPort);
                GatewayProcess gateway = GatewayProcess.forResearchPacs(folder.resolve("gateway"), pacsPort, Map.of(
                        "synthgate.pipeline.export-retries", "1", "synthgate.pipeline.export-retry-delay-ms", "500"))
                        .start()) {
            ProcessRun sent = ProcessRun.storescu(gateway.dicomPort(), GatewayProcess.AE_TITLE, "STORESCU",
                    List.of(), List.of(ct, mr));
            assertEquals(0, sent.exitCode(), sent.output());

            JsonNode job = StudyProgress.awaitJob(gateway, study, "FAILED", Duration.ofMinutes(1));
            StudyProgress.awaitJob(gateway, otherStudy, "FAILED", Duration.ofMinutes(1));
            String reason = job.path("reason").asText();
            assertTrue(reason.contains("research (ORTHANC@127.0.0.1:" + pacsPort + ", research) answers C-ECHO but "
                    + "stored none") && reason.contains("association from SYNTHGATE failed"), reason);
            assertEquals(0, refusing.get("/instances").size());
            assertEquals(200, gateway.get("/q/health/ready").statusCode(), "a PACS that answers is no outage");
            assertFalse(gateway.log().contains("is unreachable"), "the refusal is not taken for an outage");
            String metrics = gateway.get("/q/metrics").body();
            assertTrue(MetricSamples.value(metrics, FAILED).orElseThrow() >= 4, "each send and its redelivery");
            assertEquals(0, MetricSamples.value(metrics, STORED).orElse(0), "nothing stored: " + metrics);
            refusing.close();

            try (OrthancProcess pacs = OrthancProcess.start(folder.resolve("pacs"), pacsPort);
                    Browser browser = Browser.open(gateway.url(""))) {
                browser.signIn(TestUser.ADMIN);
                browser.awaitUrlContaining("/admin/dashboard");
                browser.go("/admin/jobs?state=FAILED");
                browser.screenshot("jobs-failed");
                browser.await(By.cssSelector("#retry-failed button")).click();
                assertEquals("Retried 2 failed jobs", browser.await(By.cssSelector(".flash")).getText());
                Map<String, String> exported = new HashMap<>(StudyProgress.awaitExported(gateway, study, 1,
                        Duration.ofSeconds(60)));
                exported.putAll(StudyProgress.awaitExported(gateway, otherStudy, 1, Duration.ofSeconds(60)));
                assertEquals(2, exported.size());
                for (String synthetic : exported.values()) {
                    assertTrue(pacs.findInstance(synthetic).isPresent(), "the PACS lacks " + synthetic);
                }
                assertEquals(exported.size(), pacs.get("/instances").size(), "every output exported once");
                assertTrue(gateway.log().contains(TestUser.ADMIN.username() + " retried 2 failed jobs"),
                        "who retried them is logged");
                assertEquals(exported.size(), MetricSamples.value(gateway.get("/q/metrics").body(), STORED).orElseThrow());
            }
        }
    }
}
