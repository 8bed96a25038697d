package io.synthgate.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.synthgate.testing.DicomCopies;
import io.synthgate.testing.GatewayProcess;
import io.synthgate.testing.OrthancProcess;
import io.synthgate.testing.ProcessRun;
import io.synthgate.testing.TestFiles;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The research PACS hangs: its process is frozen (SIGSTOP), so connections to it open and nothing comes
 * back, as a deadlocked PACS or a firewall that drops an open connection's packets leaves it. Nothing
 * waits on it for ever: the export and the destination's checks give up after the destination's
 * timeout, readiness says why, the job waits for the PACS instead of failing, and once the PACS runs
 * again (SIGCONT) its output is exported, once.
 */
class HungResearchPacsIT {

    @TempDir
    Path folder;

    @Test
    void aPacsThatHangsHoldsNoExportForEverAndTheExportResumesWhenItRunsAgain() throws Exception {
        Path ct = TestFiles.pydicom("CT_small.dcm");
        String study = DicomCopies.studyInstanceUid(ct);
        try (OrthancProcess pacs = OrthancProcess.start(folder.resolve("pacs"));
                GatewayProcess gateway = GatewayProcess.forResearchPacs(folder.resolve("gateway"), pacs, Map.of(
                        "synthgate.destinations.research.timeout", "3s",
                        "synthgate.export.watch-interval", "1s", "synthgate.export.watch-max-interval", "2s")).start()) {
            assertEquals(200, gateway.get("/q/health/ready").statusCode());
            pacs.freeze();
            try {
                ProcessRun sent = ProcessRun.storescu(gateway.dicomPort(), GatewayProcess.AE_TITLE, "STORESCU",
                        List.of(), List.of(ct));
                assertEquals(0, sent.exitCode(), "the gateway takes studies while the PACS hangs: " + sent.output());

                StudyProgress.awaitNotReady(gateway, "nothing went to or from the PACS for 3 s", Duration.ofSeconds(60));
                JsonNode job = StudyProgress.awaitJob(gateway, study, "GENERATED", Duration.ofSeconds(60));
                Thread.sleep(5_000);
                JsonNode still = gateway.getJson("/api/jobs/" + job.path("id").asText()).path("job");
                assertEquals("GENERATED", still.path("state").asText(), "the job waits for the PACS: " + still);
                assertTrue(gateway.log().contains("Nothing went to or from research for 3 s"), "the stall is logged");
            } finally {
                pacs.thaw();
            }

            Map<String, String> exported = StudyProgress.awaitExported(gateway, study, 1, Duration.ofSeconds(60));
            for (String synthetic : exported.values()) {
                assertTrue(pacs.findInstance(synthetic).isPresent(), "the PACS lacks " + synthetic);
            }
            assertEquals(exported.size(), pacs.get("/instances").size(), "exported once");
            assertEquals(200, gateway.get("/q/health/ready").statusCode(), "ready again");
        }
    }
}
