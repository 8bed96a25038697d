package io.synthgate.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synthgate.testing.GatewayProcess;
import io.synthgate.testing.OrthancProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Synthetic objects never reach a destination of kind clinical: an experiment wired to one stops the
 * start with the reason, before any study is received, and the clinical PACS (a real Orthanc) has nothing.
 */
class ClinicalDestinationIT {

    @TempDir
    Path folder;

    @Test
    void anExperimentWiredToAClinicalDestinationStopsTheStartAndSaysWhy() throws Exception {
        try (OrthancProcess clinical = OrthancProcess.start(Files.createDirectories(folder.resolve("clinical")))) {
            IllegalStateException refused = assertThrows(IllegalStateException.class, () -> GatewayProcess
                    .forResearchPacs(folder.resolve("gateway"), clinical, Map.of(
                            "synthgate.destinations.research.kind", "clinical",
                            "synthgate.experiments.inpaint.destination", "research"))
                    .start().close());
            assertTrue(refused.getMessage().contains("synthgate.experiments.inpaint.destination: 'research' is of kind"
                    + " clinical, which never receives synthetic objects"), refused.getMessage());
            assertEquals(0, clinical.get("/instances").size(), "the clinical PACS received a synthetic object");
        }
    }
}
