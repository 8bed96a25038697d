package io.synthgate.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.synthgate.testing.GatewayProcess;
import io.synthgate.testing.GatewayWithResearchPacs;
import io.synthgate.testing.ProcessRun;
import io.synthgate.testing.RawStoreClient.Part10;
import io.synthgate.testing.RawStoreClient;
import io.synthgate.testing.TestFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Malformed objects get a DICOM failure status, are not kept, and the listener goes on serving: a good
 * object sent right after is acknowledged and recorded.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MalformedObjectIT {

    private static final int CANNOT_UNDERSTAND = 0xC000;
    private static final int DATA_SET_DOES_NOT_MATCH_SOP_CLASS = 0xA900;
    private static final String CT_IMAGE_STORAGE = "1.2.840.10008.5.1.4.1.1.2";

    private Path folder;
    private GatewayWithResearchPacs pair;
    private GatewayProcess gateway;

    @BeforeAll
    void start() throws Exception {
        pair = GatewayWithResearchPacs.start("malformed", Map.of("synthgate.study.idle-timeout", "1h"));
        folder = pair.folder();
        gateway = pair.gateway();
    }

    @AfterAll
    void stop() throws Exception {
        pair.close();
    }

    @Test
    void refusesBrokenFileWithFailureStatusAndAcceptsGoodFileSentRightAfter() throws Exception {
        Part10 broken = Part10.read(TestFiles.shared("fo-dicom/GH364.dcm"));
        int status = store(broken, broken.sopClassUid(), broken.dataSet());
        assertEquals(CANNOT_UNDERSTAND, status, "GH364.dcm (stray item tag): 0x" + Integer.toHexString(status));

        ProcessRun good = ProcessRun.storescu(gateway.dicomPort(), GatewayProcess.AE_TITLE, "STORESCU", List.of(),
                List.of(TestFiles.pydicom("CT_small.dcm")));
        assertEquals(0, good.exitCode(), good.output());
        assertTrue(isRecorded(Part10.read(TestFiles.pydicom("CT_small.dcm")).sopInstanceUid()));
        assertTrue(!isRecorded(broken.sopInstanceUid()), "the refused object must not be recorded");
        assertTrue(spoolHolds(broken.sopInstanceUid()).isEmpty(), "the refused object must not be kept in the spool");
    }

    @Test
    void refusesDataSetCutInTheMiddleOfItsPixelData() throws Exception {
        Part10 whole = Part10.read(TestFiles.pydicom("MR_small.dcm"));
        byte[] truncated = Arrays.copyOf(whole.dataSet(), whole.dataSet().length - 3000);
        assertEquals(CANNOT_UNDERSTAND, store(whole, whole.sopClassUid(), truncated));
    }

    @Test
    void refusesDataSetAnnouncedAsAnotherSopClass() throws Exception {
        Part10 mr = Part10.read(TestFiles.pydicom("MR_small.dcm"));
        assertEquals(DATA_SET_DOES_NOT_MATCH_SOP_CLASS, store(mr, CT_IMAGE_STORAGE, mr.dataSet()));
    }

    private int store(Part10 file, String announcedSopClass, byte[] dataSet) throws Exception {
        return RawStoreClient.store(gateway.dicomPort(), GatewayProcess.AE_TITLE, "RAWSCU", announcedSopClass,
                file.sopInstanceUid(), file.transferSyntaxUid(), dataSet);
    }

    private boolean isRecorded(String sopInstanceUid) {
        for (JsonNode study : gateway.getJson("/api/studies")) {
            for (JsonNode instance : gateway.getJson("/api/studies/" + study.path("studyInstanceUid").asText())
                    .path("instances")) {
                if (instance.path("sopInstanceUid").asText().equals(sopInstanceUid)) {
                    return true;
                }
            }
        }
        return false;
    }

    private List<Path> spoolHolds(String sopInstanceUid) throws Exception {
        try (Stream<Path> files = Files.walk(folder.resolve("gateway/data/spool"))) {
            return files.filter(f -> f.getFileName().toString().startsWith(sopInstanceUid)).toList();
        }
    }
}
