package io.synthgate.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.synthgate.testing.ProcessRun;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A released association gives its worker back as soon as the peer closes the connection, so a sender
 * that opens one association after another is never refused for capacity.
 */
@QuarkusTest
class AssociationReleaseTest {

    @Inject
    DicomListener listener;

    @Inject
    DicomListenerConfig config;

    @Test
    void moreAssociationsOneAfterAnotherThanThereAreWorkersAreAllAccepted() {
        // Well within PixelMed's five-second ARTIM: a worker still waiting it out would refuse the last ones.
        for (int i = 1; i <= config.maxAssociations() + 4; i++) {
            ProcessRun run = ProcessRun.run(List.of("echoscu", "-aet", "MODALITY", "-aec", config.aeTitle(),
                    "127.0.0.1", String.valueOf(listener.port())));
            assertEquals(0, run.exitCode(), "association " + i + ": " + run.output());
        }
    }
}
