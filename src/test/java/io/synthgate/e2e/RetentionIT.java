package io.synthgate.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.synthgate.testing.DicomCopies;
import io.synthgate.testing.FreePorts;
import io.synthgate.testing.GatewayProcess;
import io.synthgate.testing.OrthancProcess;
import io.synthgate.testing.ProcessRun;
import io.synthgate.testing.TestFiles;
import io.synthgate.testing.TestHttp;
import io.synthgate.testing.TestUser;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Clinical data kept only as long as needed, on the shipped default ({@code after-export=0s}): once a
 * study's synthetic objects are in the research PACS, its received originals, de-identified copies and
 * synthetic copies leave the spool, and the job's history says what went; a failed job keeps its files
 * for {@code synthgate.retention.failed}, then loses them and can no longer be retried. The job page and
 * the experiment's report still answer.
 */
class RetentionIT {

    @TempDir
    Path folder;

    @Test
    void exportedAndLongFailedJobsLeaveNothingClinicalInTheSpool() throws Exception {
        int pacsPort = FreePorts.next();
        Path failing = DicomCopies.asInstanceOf(TestFiles.pydicom("CT_small.dcm"), "2.25.8800", "2.25.8800.1",
                folder.resolve("failing.dcm"));
        Path exported = DicomCopies.asInstanceOf(TestFiles.pydicom("CT_small.dcm"), "2.25.8801", "2.25.8801.1",
                folder.resolve("exported.dcm"));
        Path gatewayFolder = folder.resolve("gateway");
        Path spool = gatewayFolder.resolve("data/spool");
        try (GatewayProcess gateway = GatewayProcess.forResearchPacs(gatewayFolder, pacsPort, Map.of(
                "synthgate.retention.after-export", "0s", "synthgate.retention.failed", "25s",
                "synthgate.retention.check-interval", "1s", "synthgate.export.outage-limit", "0s",
                "synthgate.pipeline.export-retries", "0")).start()) {
            send(gateway, failing);
            String failedJob = StudyProgress.awaitJob(gateway, "2.25.8800", "FAILED", Duration.ofSeconds(90)).path("id").asText();
            assertTrue(Files.isDirectory(spool.resolve("inbound/2.25.8800")), "a failed job keeps its files for a while");
            assertEquals(1, fileCount(spool.resolve("inbound/2.25.8800")));

            try (OrthancProcess orthanc = OrthancProcess.start(folder.resolve("pacs"), pacsPort)) {
                send(gateway, exported);
                Map<String, String> outputs = StudyProgress.awaitExported(gateway, "2.25.8801", 1, Duration.ofSeconds(90));
                assertTrue(orthanc.findInstance(outputs.values().iterator().next()).isPresent());
                String exportedJob = StudyProgress.awaitJob(gateway, "2.25.8801", "EXPORTED", Duration.ofSeconds(90)).path("id").asText();
                JsonNode job = awaitFilesRemoved(gateway, exportedJob);
                assertEquals(0, fileCount(spool.resolve("inbound/2.25.8801")), "the received original is gone");
                assertEquals(0, fileCount(spool.resolve("outbound/" + exportedJob)), "the synthetic copy is gone");
                assertEquals(1, fileCount(spool.resolve("inbound/2.25.8800")),
                        "the failed job's file stays until its own retention has passed");
                List<String> history = job.path("events").findValuesAsText("reason");
                assertTrue(history.stream().anyMatch(line -> line.startsWith(
                        "retention removed the received originals (1 file, ")), history.toString());
                assertTrue(history.stream().anyMatch(line -> line.startsWith(
                        "retention removed the job's synthetic copies (1 file, ")), history.toString());
                assertEquals(200, gateway.get("/api/experiments/inpaint/report").statusCode(), "the report still answers");
                assertEquals(200, TestHttp.send(gateway.request("/api/experiments/inpaint/figure.png", TestUser.ADMIN).build(),
                        HttpResponse.BodyHandlers.ofByteArray()).statusCode(), "and draws its figure");
            }

            awaitFilesRemoved(gateway, failedJob);
            assertEquals(0, fileCount(spool.resolve("inbound/2.25.8800")), "gone after synthgate.retention.failed");
            assertEquals(0, deidentifiedCopies(spool), "no de-identified copy is left");
            HttpResponse<String> retried = TestHttp.send(gateway.request("/api/jobs/" + failedJob + "/retry", TestUser.ADMIN)
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(409, retried.statusCode(), retried.body());
            assertTrue(retried.body().contains("retention removed its files"), retried.body());
            assertTrue(gateway.get("/q/metrics").body()
                    .contains("synthgate_retention_removed_files_total{kind=\"original\"} 2.0"));
            assertFalse(gateway.log().contains("ERROR"), "retention logs no error");
        }
    }

    private static void send(GatewayProcess gateway, Path file) {
        ProcessRun sent = ProcessRun.storescu(gateway.dicomPort(), GatewayProcess.AE_TITLE, "STORESCU", List.of(),
                List.of(file));
        assertEquals(0, sent.exitCode(), sent.output());
    }

    private static JsonNode awaitFilesRemoved(GatewayProcess gateway, String jobId) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(45);
        while (Instant.now().isBefore(deadline)) {
            JsonNode job = gateway.getJson("/api/jobs/" + jobId);
            if (!job.path("job").path("filesRemovedAt").isNull() && !job.path("job").path("filesRemovedAt").isMissingNode()) {
                return job;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("retention did not remove the files of job " + jobId);
    }

    private static long fileCount(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile).count();
        }
    }

    private static long deidentifiedCopies(Path spool) throws IOException {
        Path root = spool.resolve("deidentified");
        if (!Files.isDirectory(root)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).count();
        }
    }
}
