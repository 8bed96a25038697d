package io.synthgate.admin;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.synthgate.ingest.DicomListener;
import io.synthgate.testing.DicomCopies;
import io.synthgate.testing.MetricSamples;
import io.synthgate.testing.ProcessRun;
import io.synthgate.testing.TestFiles;
import io.synthgate.testing.TestUser;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The meters an admin graphs, scraped from {@code /q/metrics} as Prometheus would (the metrics role)
 * while real DICOM peers send, are refused, and a study's job runs to its end.
 */
@QuarkusTest
class GatewayMetricsTest {

    @Inject
    DicomListener listener;

    @Test
    void receivedObjectsRefusalsAndJobsShowInTheScrape() throws Exception {
        String study = "2.25.515151515151515151";
        Path file = DicomCopies.asInstanceOf(TestFiles.pydicom("CT_small.dcm"), study, study + ".1",
                Files.createTempDirectory("metrics").resolve("i.dcm"));
        String before = scrape();

        ProcessRun stored = ProcessRun.storescu(listener.port(), "SYNTHGATE", "STORESCU", List.of(), List.of(file));
        assertEquals(0, stored.exitCode(), stored.output());
        ProcessRun misdirected = ProcessRun.run(List.of("echoscu", "-aec", "SOMEONEELSE", "127.0.0.1",
                Integer.toString(listener.port())));
        assertTrue(misdirected.exitCode() != 0);
        TestUser.ADMIN.given().contentType(ContentType.JSON).post("/api/studies/{uid}/complete", study).then().statusCode(202);

        String after = scrape();
        assertEquals(1, value(after, "synthgate_dicom_objects_received_total") - value(before, "synthgate_dicom_objects_received_total"));
        double bytes = value(after, "synthgate_dicom_received_bytes_total") - value(before, "synthgate_dicom_received_bytes_total");
        assertTrue(bytes > Files.size(file) - 1024 && bytes <= Files.size(file),
                "the data set as received, without the file's meta header: " + bytes);
        assertEquals(1, value(after, "synthgate_dicom_associations_total{outcome=\"rejected\",reason=\"called-ae-title\"}")
                - value(before, "synthgate_dicom_associations_total{outcome=\"rejected\",reason=\"called-ae-title\"}"));
        assertTrue(value(after, "synthgate_dicom_associations_total{outcome=\"accepted\",reason=\"none\"}") >= 1);
        assertEquals(0, value(after, "synthgate_dicom_associations_open"));
        assertTrue(value(after, "synthgate_spool_free_bytes") > 0);

        // No research PACS listens under test: the destination watch sees it down from the start, so the
        // job's export sends nothing and fails (the outage limit is 0 under test), which the meters must say.
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            String scrape = scrape();
            assertEquals(0, MetricSamples.value(scrape, "synthgate_destination_reachable{destination=\"research\"}")
                    .orElseThrow());
            assertTrue(value(scrape, "synthgate_job_duration_seconds_count{experiment=\"inpaint\",outcome=\"FAILED\"}") >= 1);
            assertTrue(value(scrape, "synthgate_jobs{state=\"FAILED\"}") >= 1, "the gauge is refreshed by itself");
        });
        assertTrue(scrape().contains("synthgate_review_queue "), "the review queue is a gauge even when empty");
    }

    private static String scrape() {
        return TestUser.SCRAPER.given().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    /** The sample's value, 0 when the series does not exist yet. */
    private static double value(String scrape, String series) {
        return MetricSamples.value(scrape, series).orElse(0);
    }
}
