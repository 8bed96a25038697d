package io.synthgate.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synthgate.testing.GatewayProcess;
import io.synthgate.testing.MultiFrameObjects;
import io.synthgate.testing.OrthancProcess;
import io.synthgate.testing.ProcessRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 300-frame 512x512 16-bit stack (150 MiB of pixel data) goes through a gateway whose heap is
 * capped at 64 MiB, less than half the stack: received, de-identified, generated frame by frame, wrapped
 * and exported to Orthanc as one multi-frame object. It can only pass if no step holds the whole
 * stack in memory. The peak heap sampled from /q/metrics is printed for the benchmark notes.
 */
class LargeStackIT {

    private static final int FRAMES = 300;
    private static final int SIDE = 512;
    private static final Pattern HEAP_USED = Pattern.compile("(?m)^jvm_memory_used_bytes\\{area=\"heap\"[^}]*} ([0-9.eE+]+)");

    @TempDir
    Path folder;

    @Test
    void aStackLargerThanTheHeapIsProcessedFrameByFrame() throws Exception {
        Path stack = MultiFrameObjects.write(folder.resolve("stack.dcm"), "2.25.300300300", "2.25.300300300.1", FRAMES,
                SIDE, SIDE);
        assertTrue(Files.size(stack) > 150L * 1024 * 1024);
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        AtomicLong peakHeap = new AtomicLong();
        // A 1% hole: what is proved is the memory bound, and generating 300 frames of the default 4%
        // hole took three quarters of the scenario's time.
        try (OrthancProcess orthanc = OrthancProcess.start(folder);
                GatewayProcess gateway = GatewayProcess.forResearchPacs(folder.resolve("gateway"), orthanc,
                        Map.of("synthgate.experiments.inpaint.mask", "rectangle 45% 45% 10% 10%"))
                        .withFullJit().withJvmOption("-Xmx64m").withJvmOption("-XX:+ExitOnOutOfMemoryError").start()) {
            sampler.scheduleAtFixedRate(() -> peakHeap.accumulateAndGet(heapUsed(gateway), Math::max), 0, 100,
                    TimeUnit.MILLISECONDS);
            ProcessRun sent = ProcessRun.storescu(gateway.dicomPort(), GatewayProcess.AE_TITLE, "STORESCU", List.of(),
                    List.of(stack));
            assertEquals(0, sent.exitCode(), sent.output());

            Map<String, String> outputs = StudyProgress.awaitExported(gateway, "2.25.300300300", 1, Duration.ofMinutes(4));
            assertEquals(1, outputs.size());
            String id = orthanc.findInstance(outputs.values().iterator().next()).orElseThrow();
            assertEquals(String.valueOf(FRAMES), orthanc.get("/instances/" + id + "/tags?simplify")
                    .path("NumberOfFrames").asText());
        } finally {
            sampler.shutdownNow();
        }
        System.out.printf("LargeStackIT: %d frames of %dx%d 16-bit (%d MiB) under -Xmx64m; peak heap used %d MiB%n",
                FRAMES, SIDE, SIDE, Files.size(stack) >> 20, peakHeap.get() >> 20);
    }

    private static long heapUsed(GatewayProcess gateway) {
        try {
            String metrics = gateway.get("/q/metrics").body();
            Matcher matcher = HEAP_USED.matcher(metrics);
            long used = 0;
            while (matcher.find()) {
                used += (long) Double.parseDouble(matcher.group(1));
            }
            return used;
        } catch (RuntimeException gatewayBusyOrGone) {
            return 0;
        }
    }
}
