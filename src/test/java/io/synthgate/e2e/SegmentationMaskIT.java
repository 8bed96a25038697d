package io.synthgate.e2e;

import static io.synthgate.testing.LiverStudy.LIVER_PIXELS;
import static io.synthgate.testing.LiverStudy.SEGMENTATION;
import static io.synthgate.testing.LiverStudy.SEGMENTED_SLICE;
import static io.synthgate.testing.LiverStudy.STUDY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.synthgate.testing.Dciodvfy;
import io.synthgate.testing.GatewayProcess;
import io.synthgate.testing.LiverStudy;
import io.synthgate.testing.OrthancProcess;
import io.synthgate.testing.ProcessRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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

    @TempDir
    Path folder;

    @Test
    void theSegmentedSliceIsRegeneratedWhereTheLiverIs() throws Exception {
        Path segmented = LiverStudy.segmentedSlice(folder);
        Path other = LiverStudy.otherSlice(folder);
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
            assertEquals(LIVER_PIXELS, LiverStudy.maskOverlay(copy).cardinality(), "the recorded mask is the liver");
            assertEquals(List.of(), Dciodvfy.unexpectedErrors(copy));
        }
    }
}
