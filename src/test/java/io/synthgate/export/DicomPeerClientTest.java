package io.synthgate.export;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.synthgate.dicom.AeTitle;
import io.synthgate.testing.DicomCopies;
import io.synthgate.testing.FreePorts;
import io.synthgate.testing.OrthancProcess;
import io.synthgate.testing.TestFiles;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The C-FIND that confirms stores, against a real Orthanc: it finds exactly the objects the PACS holds,
 * across series and past one request's worth of UIDs, and says why when the PACS will not answer; the
 * probe the destination watch asks tells a PACS that answers C-FIND from one that does not.
 */
@QuarkusTest
class DicomPeerClientTest {

    @Inject
    DicomPeerClient client;

    @TempDir
    Path folder;

    @Test
    void findsExactlyTheObjectsThePacsHoldsAcrossSeriesAndManyRequests() throws Exception {
        List<Path> files = new ArrayList<>();
        Set<Path> held = new HashSet<>();
        try (OrthancProcess pacs = OrthancProcess.startKnowingGateway(folder.resolve("pacs"), FreePorts.next())) {
            // 230 of one series, over the 200 UIDs one request carries, and 5 of another.
            for (String[] series : new String[][] {{"2.25.7001", "230"}, {"2.25.7002", "5"}}) {
                for (int i = 1; i <= Integer.parseInt(series[1]); i++) {
                    Path file = DicomCopies.asInstanceOf(TestFiles.pydicom("CT_small.dcm"), series[0],
                            series[0] + ".1." + i, folder.resolve("out").resolve(series[0] + "-" + i + ".dcm"));
                    files.add(file);
                    // The PACS lost every 50th object and the last of each series.
                    if (i % 50 != 0 && i != Integer.parseInt(series[1])) {
                        pacs.upload(file);
                        held.add(file);
                    }
                }
            }

            assertEquals(held, client.held(destination(pacs), files));
        }
    }

    @Test
    void aPacsThatAnswersNoFindFromTheGatewaySaysSo() throws Exception {
        try (OrthancProcess pacs = OrthancProcess.start(folder.resolve("pacs"), FreePorts.next())) {
            Path file = DicomCopies.asInstanceOf(TestFiles.pydicom("CT_small.dcm"), "2.25.7003", "2.25.7003.1.1",
                    folder.resolve("one.dcm"));
            pacs.upload(file);

            IOException refused = assertThrows(IOException.class, () -> client.held(destination(pacs), List.of(file)));
            assertTrue(refused.getMessage().startsWith("the C-FIND from SYNTHGATE failed: "), refused.getMessage());
            IOException probed = assertThrows(IOException.class, () -> client.probeFind(destination(pacs)));
            assertTrue(probed.getMessage().startsWith("the C-FIND from SYNTHGATE failed: "), probed.getMessage());
        }
    }

    @Test
    void theProbeIsAnsweredByAPacsThatAnswersFindFromTheGateway() throws Exception {
        try (OrthancProcess pacs = OrthancProcess.startKnowingGateway(folder.resolve("pacs"), FreePorts.next())) {
            assertDoesNotThrow(() -> client.probeFind(destination(pacs)));
        }
    }

    private static Destination destination(OrthancProcess pacs) {
        return new Destination("research", new AeTitle(OrthancProcess.AE_TITLE), "127.0.0.1", pacs.dicomPort(),
                DestinationKind.RESEARCH, Duration.ofSeconds(10), false, true);
    }
}
