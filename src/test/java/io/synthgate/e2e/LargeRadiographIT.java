package io.synthgate.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.synthgate.testing.GatewayProcess;
import io.synthgate.testing.MetricSamples;
import io.synthgate.testing.MultiFrameObjects;
import io.synthgate.testing.OrthancProcess;
import io.synthgate.testing.ProcessRun;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two 3340x2670 JPEG 2000 radiographs (8.9 megapixels each) arrive together at a gateway whose heap
 * is capped at 320 MiB, half of what one such radiograph once ran out of: both are decoded at once
 * by the two image workers, the central 4% of the first is filled by the built-in inpainter from the
 * mask's neighbourhood alone, and the second, grown by half for outpainting, a fill that would need
 * about 1.3 GB, is refused up front with the figures instead of running the gateway out of memory.
 * The gateway exits on any OutOfMemoryError, so either failure shows.
 */
class LargeRadiographIT {

    private static final int COLUMNS = 3340;
    private static final int ROWS = 2670;
    private static final String INPAINTED_STUDY = "2.25.33402670";
    private static final String OUTPAINTED_STUDY = "2.25.33402671";

    @TempDir
    Path folder;

    @Test
    void aLargeRadiographIsInpaintedInASmallHeapAndAFillTooLargeForItIsRefusedWithTheFigures() throws Exception {
        Path inpainted = MultiFrameObjects.writeJpeg2000(folder.resolve("inpaint.dcm"), INPAINTED_STUDY,
                INPAINTED_STUDY + ".1", ROWS, COLUMNS, "OT");
        Path outpainted = MultiFrameObjects.writeJpeg2000(folder.resolve("outpaint.dcm"), OUTPAINTED_STUDY,
                OUTPAINTED_STUDY + ".1", ROWS, COLUMNS, "DX");
        try (OrthancProcess orthanc = OrthancProcess.start(folder);
                GatewayProcess gateway = GatewayProcess.forResearchPacs(folder.resolve("gateway"), orthanc, Map.of(
                        "synthgate.experiments.inpaint.select", "Modality=OT",
                        "synthgate.experiments.outpaint.enabled", "true",
                        "synthgate.experiments.outpaint.select", "Modality=DX"))
                        .withFullJit().withJvmOption("-Xmx320m").withJvmOption("-XX:+ExitOnOutOfMemoryError").start()) {
            // -xv proposes JPEG 2000 lossless, which storescu cannot decode to send uncompressed.
            ProcessRun sent = ProcessRun.storescu(gateway.dicomPort(), GatewayProcess.AE_TITLE, "STORESCU", List.of("-xv"),
                    List.of(inpainted, outpainted));
            assertEquals(0, sent.exitCode(), sent.output());

            Map<String, String> outputs = StudyProgress.awaitExported(gateway, INPAINTED_STUDY, 1, Duration.ofMinutes(3));
            String id = orthanc.findInstance(outputs.values().iterator().next()).orElseThrow();
            JsonNode tags = orthanc.get("/instances/" + id + "/tags?simplify");
            assertEquals(String.valueOf(COLUMNS), tags.path("Columns").asText());
            assertEquals(String.valueOf(ROWS), tags.path("Rows").asText());

            JsonNode refused = StudyProgress.awaitJob(gateway, OUTPAINTED_STUDY, "FAILED", Duration.ofMinutes(2));
            String reason = refused.path("reason").asText();
            assertTrue(reason.contains("REFUSED (image_too_large)"), reason);
            assertTrue(reason.contains("MB of working memory"), reason);
            assertTrue(gateway.get("/q/health/live").body().contains("UP"), "the gateway lives on");
            String metrics = gateway.get("/q/metrics").body();
            double capacity = meter(metrics, "capacity");
            assertTrue(capacity > 200e6 && capacity <= 0.75 * 320 * 1024 * 1024, "three quarters of the heap: " + capacity);
            assertEquals(0.0, meter(metrics, "reserved"), "every fill gave its share back");
            System.out.printf("LargeRadiographIT: the outpainting job failed with: %s%n", reason);
        }
    }

    private static double meter(String metrics, String state) {
        return MetricSamples.value(metrics, "synthgate_builtin_working_memory_bytes{state=\"" + state + "\"}")
                .orElseThrow(() -> new AssertionError("no working-memory meter for " + state));
    }
}
