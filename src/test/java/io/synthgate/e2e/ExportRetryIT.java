package io.synthgate.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.synthgate.testing.DicomCopies;
import io.synthgate.testing.FreePorts;
import io.synthgate.testing.GatewayProcess;
import io.synthgate.testing.OrthancProcess;
import io.synthgate.testing.ProcessRun;
import io.synthgate.testing.TestFiles;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The research PACS is down when a study's outputs are ready: the export is retried with back-off,
 * nothing is marked exported meanwhile, and once the PACS is up every output reaches it.
 */
class ExportRetryIT {

    @TempDir
    Path folder;

    @Test
    void retriesExportUntilThePacsComesUp() throws Exception {
        int pacsPort = FreePorts.next();
        Path ct = TestFiles.pydicom("CT_small.dcm");
        String study = DicomCopies.studyInstanceUid(ct);
        try (GatewayProcess gateway = GatewayProcess.forResearchPacs(folder.resolve("gateway"), pacsPort, Map.of(
                "synthgate.pipeline.export-retries", "10", "synthgate.pipeline.export-retry-delay-ms", "1000")).start()) {
            ProcessRun sent = ProcessRun.storescu(gateway.dicomPort(), GatewayProcess.AE_TITLE, "STORESCU", List.of(),
                    List.of(ct));
            assertEquals(0, sent.exitCode(), sent.output());

            JsonNode job = awaitJob(gateway, study, "GENERATED");
            for (JsonNode output : gateway.getJson("/api/jobs/" + job.path("id").asText()).path("outputs")) {
                assertEquals("GENERATED", output.path("state").asText(), "nothing is exported while the PACS is down");
            }

            try (OrthancProcess pacs = OrthancProcess.start(folder, pacsPort)) {
                Map<String, String> outputs = StudyProgress.awaitExported(gateway, study, 1, Duration.ofSeconds(90));
                for (String synthetic : outputs.values()) {
                    assertTrue(pacs.findInstance(synthetic).isPresent(), "the PACS lacks " + synthetic);
                }
            }
        }
    }

    private static JsonNode awaitJob(GatewayProcess gateway, String study, String state) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            for (JsonNode job : gateway.getJson("/api/studies/" + study).path("jobs")) {
                if (job.path("state").asText().equals(state)) {
                    return job;
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no job of " + study + " reached " + state + " within 60 s");
    }
}
