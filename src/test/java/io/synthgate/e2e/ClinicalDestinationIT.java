package io.synthgate.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.synthgate.testing.DicomCopies;
import io.synthgate.testing.GatewayProcess;
import io.synthgate.testing.OrthancProcess;
import io.synthgate.testing.ProcessRun;
import io.synthgate.testing.TestFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Synthetic objects never reach a destination of kind clinical: a route wired to one parks its job as
 * FAILED with the reason, and the clinical PACS (a real Orthanc) receives nothing.
 */
class ClinicalDestinationIT {

    @TempDir
    Path folder;

    @Test
    void routeWiredToAClinicalDestinationExportsNothingAndSaysWhy() throws Exception {
        try (OrthancProcess clinical = OrthancProcess.start(Files.createDirectories(folder.resolve("clinical")));
                GatewayProcess gateway = GatewayProcess.forResearchPacs(folder.resolve("gateway"), clinical, Map.of(
                        "synthgate.destinations.research.kind", "clinical")).start()) {
            Path ct = TestFiles.pydicom("CT_small.dcm");
            ProcessRun sent = ProcessRun.storescu(gateway.dicomPort(), GatewayProcess.AE_TITLE, "STORESCU", List.of(),
                    List.of(ct));
            assertEquals(0, sent.exitCode(), sent.output());

            JsonNode job = awaitFinished(gateway, DicomCopies.studyInstanceUid(ct));
            assertEquals("FAILED", job.path("state").asText());
            assertTrue(job.path("reason").asText().contains("destinations of kind clinical never receive synthetic data"),
                    job.path("reason").asText());
            assertEquals(0, clinical.get("/instances").size(), "the clinical PACS received a synthetic object");
        }
    }

    private static JsonNode awaitFinished(GatewayProcess gateway, String study) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            for (JsonNode job : gateway.getJson("/api/studies/" + study).path("jobs")) {
                String state = job.path("state").asText();
                if (state.equals("FAILED") || state.equals("EXPORTED")) {
                    return job;
                }
            }
            Thread.sleep(250);
        }
        throw new AssertionError("job of study " + study + " did not finish within 60 s");
    }
}
