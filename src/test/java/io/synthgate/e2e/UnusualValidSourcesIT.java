package io.synthgate.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.synthgate.testing.DicomCopies;
import io.synthgate.testing.GatewayProcess;
import io.synthgate.testing.GatewayWithResearchPacs;
import io.synthgate.testing.OrthancProcess;
import io.synthgate.testing.ProcessRun;
import io.synthgate.testing.TestFiles;
import io.synthgate.testing.TestHttp;
import io.synthgate.testing.TestUser;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Objects real archives hold that are unusual but valid, or tolerated by Orthanc and DCMTK: each is
 * acknowledged, and its study's synthetic counterpart reaches the research PACS.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UnusualValidSourcesIT {

    private Path folder;
    private GatewayWithResearchPacs pair;
    private OrthancProcess orthanc;
    private GatewayProcess gateway;

    @BeforeAll
    void start() throws Exception {
        pair = GatewayWithResearchPacs.start("unusual-sources", Map.of("synthgate.study.idle-timeout", "1h"));
        folder = pair.folder();
        orthanc = pair.orthanc();
        gateway = pair.gateway();
    }

    @AfterAll
    void stop() throws Exception {
        pair.close();
    }

    @Test
    void uidsWithALeadingZeroAreKeptAsArchivesKeepThemAndReplacedOnTheWayOut() throws Exception {
        String study = "1.2.826.0.1.3680043.8.498.0701";
        String sop = study + ".1.01";
        Path file = DicomCopies.asInstanceOf(TestFiles.pydicom("CT_small.dcm"), study, sop,
                folder.resolve("leading-zero.dcm"));
        JsonNode tags = sendAndFindTheSyntheticCounterpart(file, study, List.of());
        assertTrue(gateway.log().contains("break the UID rules of PS3.5 9.1"), "the log says what is wrong");
        String output = tags.path("SOPInstanceUID").asText();
        assertTrue(output.startsWith("2.25.") && !output.equals(sop), "a new, conformant UID: " + output);
    }

    @Test
    void aNativeYbrFull422ImageHoldingTwoSamplesAPixelComesOutAsYbrFull() throws Exception {
        Path ybr = TestFiles.pydicom("SC_ybr_full_422_uncompressed.dcm");
        JsonNode tags = sendAndFindTheSyntheticCounterpart(ybr, DicomCopies.studyInstanceUid(ybr), List.of());
        assertEquals("YBR_FULL", tags.path("PhotometricInterpretation").asText(), "a chroma pair for every pixel");
        assertEquals("100", tags.path("Columns").asText());
    }

    @Test
    void sixteenBitColourInRleIsDecodedThroughDcmtk() throws Exception {
        // -xr: sent in RLE as it is, which the gateway accepts
        Path rle = TestFiles.pydicom("SC_rgb_rle_16bit.dcm");
        JsonNode tags = sendAndFindTheSyntheticCounterpart(rle, DicomCopies.studyInstanceUid(rle), List.of("-xr"));
        assertEquals("RGB", tags.path("PhotometricInterpretation").asText());
        assertEquals("16", tags.path("BitsAllocated").asText());
    }

    /**
     * Sends {@code file} with storescu {@code options}, completes its study and returns the synthetic
     * object's main tags as Orthanc has them.
     */
    private JsonNode sendAndFindTheSyntheticCounterpart(Path file, String study, List<String> options) throws Exception {
        ProcessRun sent = ProcessRun.storescu(gateway.dicomPort(), GatewayProcess.AE_TITLE, "STORESCU", options,
                List.of(file));
        assertEquals(0, sent.exitCode(), sent.output());
        assertFalse(sent.output().contains("Failure"), sent.output());
        TestHttp.send(gateway.request("/api/studies/" + study + "/complete", TestUser.ADMIN)
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        // pydicom's test files share studies: find the output made from this very instance
        String source = DicomCopies.sopInstanceUid(file);
        Instant deadline = Instant.now().plusSeconds(90);
        while (Instant.now().isBefore(deadline)) {
            for (JsonNode job : gateway.getJson("/api/studies/" + study).path("jobs")) {
                for (JsonNode output : gateway.getJson("/api/jobs/" + job.path("id").asText()).path("outputs")) {
                    Optional<String> id = output.path("sourceSopInstanceUid").asText().equals(source)
                            ? orthanc.findInstance(output.path("sopInstanceUid").asText()) : Optional.empty();
                    if (id.isPresent()) {
                        return orthanc.get("/instances/" + id.get() + "/simplified-tags");
                    }
                }
            }
            Thread.sleep(250);
        }
        throw new AssertionError("No synthetic counterpart of " + file.getFileName() + " reached the research PACS");
    }
}
