package io.synthgate.study;

import static io.restassured.RestAssured.given;
import static io.synthgate.testing.TestUser.ADMIN;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.synthgate.ingest.DicomListener;
import io.synthgate.testing.DicomCopies;
import io.synthgate.testing.ProcessRun;
import io.synthgate.testing.TestFiles;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Study assembly and the REST API on the running application: instances arrive over real C-STORE
 * (DCMTK storescu), a study completes on request, and what arrives afterwards opens a follow-up job.
 * No research PACS runs here, and the test profile waits for none ({@code synthgate.export.outage-limit=0s}),
 * so completed jobs end FAILED with the export's reason, which {@code /api/jobs} must show.
 */
@QuarkusTest
class StudyAssemblyTest {

    @Inject
    DicomListener listener;

    @Test
    void completingAStudyOnRequestHandsItsJobToThePipeline() throws Exception {
        String study = "2.25.100200300400500600700800900";
        send(copy(study, study + ".1.1"));
        send(copy(study, study + ".1.2"));

        ADMIN.given().get("/api/studies/{uid}", study).then().statusCode(200)
                .body("study.instanceCount", equalTo(2))
                .body("study.assembling", equalTo(true))
                .body("jobs", hasSize(1))
                .body("jobs[0].state", equalTo("ASSEMBLING"));

        String jobId = ADMIN.given().contentType(ContentType.JSON).post("/api/studies/{uid}/complete", study).then().statusCode(202)
                .extract().path("jobId");
        ADMIN.given().contentType(ContentType.JSON).post("/api/studies/{uid}/complete", study).then().statusCode(409)
                .contentType("application/problem+json");

        await().atMost(Duration.ofSeconds(60)).until(() -> !job(jobId).getString("job.state").equals("PROCESSING")
                && !job(jobId).getString("job.state").equals("GENERATED"));
        JsonPath job = job(jobId);
        assertEquals("FAILED", job.getString("job.state"));
        org.hamcrest.MatcherAssert.assertThat(job.getString("job.reason"), startsWith("research (ORTHANC@127.0.0.1:1, research) is unreachable: "));
        org.hamcrest.MatcherAssert.assertThat(job.getString("job.reason"), org.hamcrest.Matchers.containsString(
                "cannot connect to 127.0.0.1:1"));
        assertEquals(2, job.getList("outputs").size(), "both synthetic objects were generated before the export failed");
        assertTrue(job.getList("events.reason").contains("completed on request by " + ADMIN.username()),
                "the history says who completed it: " + job.getList("events.reason"));
        assertEquals(List.of(0, 0), job.getList("outputs.fidelity.maxAbsoluteDifferenceOutsideMask"));
        assertEquals(List.of("rectangle 40% 40% 20% 20%", "rectangle 40% 40% 20% 20%"), job.getList("outputs.maskSpec"));
        for (Float ssim : job.<Float>getList("outputs.fidelity.ssim")) {
            org.junit.jupiter.api.Assertions.assertTrue(ssim > 0 && ssim <= 1, "SSIM inside the mask " + ssim);
        }
        assertEquals(List.of("RECEIVED", "ASSEMBLING", "PROCESSING", "PROCESSING", "GENERATED", "FAILED"),
                job.getList("events.to"), "the routing rules' choice is a line of the job's history");
        org.hamcrest.MatcherAssert.assertThat(job.getString("events[3].reason"),
                org.hamcrest.Matchers.endsWith("to experiments [inpaint]; this job runs 'inpaint'"));
    }

    @Test
    void instanceArrivingAfterCompletionOpensFollowUpJobWhileResentInstanceDoesNot() throws Exception {
        String study = "2.25.111222333444555666777888999";
        Path first = copy(study, study + ".1.1");
        send(first);
        String firstJob = ADMIN.given().contentType(ContentType.JSON).post("/api/studies/{uid}/complete", study).then().statusCode(202).extract().path("jobId");

        send(first);
        ADMIN.given().get("/api/studies/{uid}", study).then().body("jobs", hasSize(1)).body("study.instanceCount", equalTo(1));

        send(copy(study, study + ".1.2"));
        JsonPath detail = ADMIN.given().get("/api/studies/{uid}", study).then().statusCode(200).extract().jsonPath();
        assertEquals(2, detail.getInt("study.instanceCount"));
        assertEquals(2, detail.getList("jobs").size());
        assertEquals(firstJob, detail.getString("jobs[0].id"));
        assertEquals("RECEIVED", detail.getString("jobs[1].state"));
        assertEquals(detail.getString("jobs[1].id"), detail.getString("instances.find { it.sopInstanceUid == '" + study + ".1.2' }.jobId"));
    }

    @Test
    void unknownStudyAndMalformedUidAreProblemDetails() {
        ADMIN.given().get("/api/studies/{uid}", "1.2.3.4.5.6.7.8.9").then().statusCode(404)
                .contentType("application/problem+json").body("status", equalTo(404));
        ADMIN.given().get("/api/studies/{uid}", "not-a-uid").then().statusCode(400)
                .contentType("application/problem+json");
        ADMIN.given().contentType(ContentType.JSON).post("/api/studies/{uid}/complete", "1.2.3.4.5.6.7.8.9").then().statusCode(404);
        ADMIN.given().get("/api/jobs/{id}", "00000000-0000-0000-0000-000000000000").then().statusCode(404);
    }

    @Test
    void healthReportsTheListenerAndTheUnreachableDestination() {
        given().get("/q/health/live").then().statusCode(200).body("checks.find { it.name == 'dicom-listener' }.status",
                equalTo("UP"));
        given().get("/q/health/ready").then().statusCode(503)
                .body("checks.find { it.name == 'dicom-destinations' }.status", equalTo("DOWN"));
    }

    private JsonPath job(String id) {
        return ADMIN.given().get("/api/jobs/{id}", id).then().statusCode(200).extract().jsonPath();
    }

    private void send(Path file) {
        ProcessRun run = ProcessRun.storescu(listener.port(), "SYNTHGATE", "STORESCU", List.of(), List.of(file));
        assertEquals(0, run.exitCode(), run.output());
    }

    private static Path copy(String study, String sop) throws Exception {
        return DicomCopies.asInstanceOf(TestFiles.pydicom("CT_small.dcm"), study, sop,
                Files.createTempDirectory("study-assembly").resolve(sop + ".dcm"));
    }
}
