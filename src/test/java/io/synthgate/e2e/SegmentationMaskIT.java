package io.synthgate.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.OtherWordAttribute;
import com.pixelmed.dicom.TagFromName;
import io.synthgate.testing.Dciodvfy;
import io.synthgate.testing.DicomCopies;
import io.synthgate.testing.GatewayProcess;
import io.synthgate.testing.OrthancProcess;
import io.synthgate.testing.ProcessRun;
import io.synthgate.testing.TestFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A study arrives with a real liver segmentation (pydicom's {@code liver_1frame.dcm}) and two CT
 * slices, one of them the slice the segmentation's frame names. With mask {@code segment liver}, the
 * segmented slice is regenerated exactly where the liver is; the other slice is left out with a
 * note, and the segmentation itself is a mask, not an image to regenerate.
 */
class SegmentationMaskIT {

    private static final Path SEGMENTATION = TestFiles.pydicom("liver_1frame.dcm");
    private static final String STUDY = "1.2.392.200103.20080913.113635.0.2009.6.22.21.43.10.22941.1";
    private static final String SEGMENTED_SLICE = "1.2.392.200103.20080913.113635.2.2009.6.22.21.43.10.23433.1";
    private static final String OTHER_SLICE = "1.2.392.200103.20080913.113635.2.2009.6.22.21.43.10.23499.1";
    /** The liver's pixels in the segmentation's only frame, counted with pydicom. */
    private static final int LIVER_PIXELS = 36233;

    @TempDir
    Path folder;

    @Test
    void theSegmentedSliceIsRegeneratedWhereTheLiverIs() throws Exception {
        Path template = TestFiles.shared("fo-dicom/CT-MONO2-16-ankle.dcm");
        Path segmented = DicomCopies.asInstanceOf(template, STUDY, SEGMENTED_SLICE, folder.resolve("segmented.dcm"));
        Path other = DicomCopies.asInstanceOf(template, STUDY, OTHER_SLICE, folder.resolve("other.dcm"));
        try (OrthancProcess orthanc = OrthancProcess.start(folder);
                GatewayProcess gateway = GatewayProcess.forResearchPacs(folder.resolve("gateway"), orthanc,
                        Map.of("synthgate.experiments.inpaint.mask", "segment liver")).start()) {
            // -R: storescu's default contexts leave out Segmentation Storage; propose what the files need.
            ProcessRun sent = ProcessRun.storescu(gateway.dicomPort(), GatewayProcess.AE_TITLE, "STORESCU", List.of("-R"),
                    List.of(segmented, other, SEGMENTATION));
            assertEquals(0, sent.exitCode(), sent.output());

            Map<String, String> outputs = StudyProgress.awaitExported(gateway, STUDY, 3, Duration.ofSeconds(90));
            assertEquals(List.of(SEGMENTED_SLICE), List.copyOf(outputs.keySet()), "only the segmented slice: " + outputs);
            JsonNode job = gateway.getJson("/api/jobs/" + gateway.getJson("/api/studies/" + STUDY).path("jobs").get(0)
                    .path("id").asText());
            String events = job.path("events").toString();
            assertTrue(events.contains("gives 1 regions for masks"), events);
            assertTrue(events.contains("can be drawn on 1 of 2 images"), events);
            assertEquals("segment liver", job.path("outputs").get(0).path("maskSpec").asText());

            Path copy = folder.resolve("regenerated.dcm");
            Files.write(copy, orthanc.getBytes("/instances/" + orthanc.findInstance(outputs.get(SEGMENTED_SLICE))
                    .orElseThrow() + "/file"));
            assertEquals(LIVER_PIXELS, maskOverlayPixels(copy), "the recorded mask is the liver");
            assertEquals(List.of(), Dciodvfy.unexpectedErrors(copy));
        }
    }

    /** Pixels set in the synthetic object's mask overlay (6000,3000). */
    private static int maskOverlayPixels(Path file) throws Exception {
        AttributeList list = new AttributeList();
        list.read(file.toFile(), TagFromName.PixelData);
        OtherWordAttribute overlay = (OtherWordAttribute) list.get(new AttributeTag(0x6000, 0x3000));
        return BitSet.valueOf(overlay.getByteValues(false)).cardinality();
    }
}
