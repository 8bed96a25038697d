package io.synthgate.access;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.synthgate.ingest.DicomListener;
import io.synthgate.testing.DicomCopies;
import io.synthgate.testing.ProcessRun;
import io.synthgate.testing.TestFiles;
import io.synthgate.testing.TestUser;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Every {@code /api} endpoint, called as people would: anonymous gets 401, each user without one of
 * the endpoint's roles 403, and a user with one the endpoint's answer. The calls run in the order
 * a study goes through (complete, review, fail, retry), so the right role meets real data and gets a
 * 2xx; at the end, the calls made must cover every endpoint the application declares.
 */
@QuarkusTest
@TestProfile(EndpointAuthorizationTest.ReviewRequired.class)
class EndpointAuthorizationTest {

    private static final String STUDY = "2.25.424242424242424242";
    /** A study only experiment erase takes, whose mask a researcher draws. */
    private static final String SKETCHED = "2.25.616161616161616161";
    private static final Set<String> CALLED = new TreeSet<>();

    @Inject
    DicomListener listener;

    /** Candidates wait for a radiologist, so the review endpoints have something to show. */
    public static class ReviewRequired implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // A source nothing listens for: a cohort from it fails at once, and can be retried.
            return Map.of("synthgate.experiments.inpaint.review", "required",
                    "synthgate.experiments.inpaint.when", "StudyInstanceUID~^2\\.25\\.4242",
                    "synthgate.experiments.erase.enabled", "true",
                    "synthgate.experiments.erase.when", "StudyInstanceUID~^2\\.25\\.6161",
                    "synthgate.experiments.erase.mask", "expert",
                    "synthgate.sources.nowhere.ae-title", "NOWHERE",
                    "synthgate.sources.nowhere.host", "127.0.0.1",
                    "synthgate.sources.nowhere.port", "1");
        }
    }

    @Test
    void everyEndpointAnswersAnonymous401WrongRole403AndRightRoleItsAnswer() throws Exception {
        for (String sop : List.of(STUDY + ".1", STUDY + ".2")) {
            var file = DicomCopies.asInstanceOf(TestFiles.pydicom("CT_small.dcm"), STUDY, sop,
                    Files.createTempDirectory("authorization").resolve("i.dcm"));
            ProcessRun sent = ProcessRun.storescu(listener.port(), "SYNTHGATE", "STORESCU", List.of(), List.of(file));
            assertEquals(0, sent.exitCode(), sent.output());
        }

        String jobId = guarded("POST", "/api/studies/{uid}/complete", List.of(STUDY), null,
                Map.of(TestUser.ADMIN, 202)).path("jobId");
        await().atMost(Duration.ofSeconds(60)).until(() -> jobState(jobId).equals("AWAITING_REVIEW"));

        // Clinical Study UIDs re-identify: studies are the admin's; jobs are read by researchers too, without them.
        guarded("GET", "/api/studies", List.of(), null, Map.of(TestUser.ADMIN, 200));
        guarded("GET", "/api/studies/{uid}", List.of(STUDY), null, Map.of(TestUser.ADMIN, 200));
        Map<TestUser, Integer> readers = Map.of(TestUser.ADMIN, 200, TestUser.RESEARCHER, 200);
        guarded("GET", "/api/jobs", List.of(), null, readers);
        guarded("GET", "/api/jobs/{id}", List.of(jobId), null, readers);
        assertEquals(STUDY, TestUser.ADMIN.given().get("/api/jobs/{id}", jobId).path("job.studyInstanceUid"));
        assertEquals(List.of(STUDY + ".1", STUDY + ".2"), TestUser.ADMIN.given().get("/api/jobs/{id}", jobId)
                .<List<String>>path("outputs.sourceSopInstanceUid").stream().sorted().toList());
        var seenByResearcher = TestUser.RESEARCHER.given().get("/api/jobs/{id}", jobId);
        assertNull(seenByResearcher.path("job.studyInstanceUid"), "no clinical Study UID for a researcher");
        assertEquals(Arrays.asList(null, null), seenByResearcher.path("outputs.sourceSopInstanceUid"),
                "no clinical SOP Instance UID for a researcher");
        assertTrue(TestUser.RESEARCHER.given().get("/api/jobs").then().extract().<List<String>>path("studyInstanceUid")
                .stream().allMatch(Objects::isNull), "nor in the job list");

        Map<TestUser, Integer> reviewers = Map.of(TestUser.ADMIN, 200, TestUser.REVIEWER, 200);
        List<String> candidates = guarded("GET", "/api/reviews", List.of(), null, reviewers).path("sopInstanceUid");
        assertEquals(2, candidates.size());
        guarded("GET", "/api/reviews/{uid}/preview.png", List.of(candidates.get(0)), null, reviewers);
        // A candidate takes one verdict: the reviewer decides one, the admin the other.
        guarded("POST", "/api/reviews/{uid}", List.of(candidates.get(0)), "{\"decision\": \"APPROVED\"}",
                reviewers.keySet(), Map.of(TestUser.REVIEWER, 200));
        guarded("POST", "/api/reviews/{uid}", List.of(candidates.get(1)), "{\"decision\": \"REJECTED\"}",
                reviewers.keySet(), Map.of(TestUser.ADMIN, 200));
        guarded("GET", "/api/reviews/decisions", List.of(), null, reviewers);

        // No research PACS listens under test: once reviewed, the export fails and the job with it.
        await().atMost(Duration.ofSeconds(60)).until(() -> jobState(jobId).equals("FAILED"));
        guarded("POST", "/api/jobs/{id}/retry", List.of(jobId), null, Map.of(TestUser.ADMIN, 202));
        guarded("POST", "/api/jobs/retry-failed", List.of(), null, Map.of(TestUser.ADMIN, 202));
        guarded("GET", "/api/generator-calls", List.of(), null, Map.of(TestUser.ADMIN, 200));

        Map<TestUser, Integer> everyone = Map.of(TestUser.ADMIN, 200, TestUser.REVIEWER, 200, TestUser.RESEARCHER, 200);
        guarded("GET", "/api/experiments/{experiment}/report", List.of("inpaint"), null, everyone);
        guarded("GET", "/api/experiments/{experiment}/figure.png", List.of("inpaint"), null, everyone);
        guarded("GET", "/api/experiments/{experiment}/figure.svg", List.of("inpaint"), null, everyone);
        guarded("GET", "/api/experiments/{experiment}/candidates.csv", List.of("inpaint"), null, everyone);
        guarded("GET", "/api/candidates/{uid}.png", List.of(candidates.get(0)), null, everyone);

        // Reader studies: admins build them, readers (reviewers) read, admins and researchers analyse.
        String setId = guarded("POST", "/api/reader-studies", List.of(), "{\"name\": \"access\", \"experiment\": \"inpaint\"}",
                Map.of(TestUser.ADMIN, 201)).path("id");
        guarded("GET", "/api/reader-studies", List.of(), null, everyone);
        guarded("GET", "/api/reader-studies/{id}", List.of(setId), null, everyone);
        String item = guarded("GET", "/api/reader-studies/{id}/next", List.of(setId), null, reviewers).path("item");
        guarded("GET", "/api/reader-studies/{id}/images/{item}.png", List.of(setId, item), null, reviewers);
        guarded("POST", "/api/reader-studies/{id}/readings", List.of(setId), "{\"item\": \"" + item
                + "\", \"answer\": \"REAL\", \"confidence\": 3, \"plausibility\": 4}", reviewers.keySet(),
                Map.of(TestUser.REVIEWER, 204, TestUser.ADMIN, 204));
        Map<TestUser, Integer> analysts = Map.of(TestUser.ADMIN, 200, TestUser.RESEARCHER, 200);
        guarded("GET", "/api/reader-studies/{id}/key", List.of(setId), null, analysts);
        guarded("GET", "/api/reader-studies/{id}/results", List.of(setId), null, analysts);
        guarded("GET", "/api/reader-studies/{id}/readings.csv", List.of(setId), null, analysts);
        guarded("DELETE", "/api/reader-studies/{id}", List.of(setId), null, Map.of(TestUser.ADMIN, 204));
        assertEquals(404, TestUser.ADMIN.given().get("/api/reader-studies/{id}", setId).statusCode(), "gone, readings too");

        String runId = guarded("POST", "/api/experiments/txt2img/runs", List.of(), "{\"bodyParts\": [\"knee\"]}",
                Map.of(TestUser.RESEARCHER, 202, TestUser.ADMIN, 202)).path("id");
        guarded("GET", "/api/experiments/txt2img/runs", List.of(), null, readers);
        guarded("GET", "/api/experiments/txt2img/runs/{id}", List.of(runId), null, readers);
        await().atMost(Duration.ofSeconds(60)).until(() -> TestUser.ADMIN.given()
                .get("/api/experiments/txt2img/runs/{id}", runId).<Boolean>path("finished"));
        guarded("GET", "/api/experiments/txt2img/runs/{id}/report", List.of(runId), null, everyone);
        guarded("GET", "/api/experiments/txt2img/runs/{id}/figure.png", List.of(runId), null, everyone);
        guarded("GET", "/api/experiments/txt2img/runs/{id}/figure.svg", List.of(runId), null, everyone);
        guarded("GET", "/api/experiments/txt2img/runs/{id}/candidates.csv", List.of(runId), null, everyone);

        // Cohorts: admins and researchers pull and follow them (the matched studies only admins see).
        Map<TestUser, Integer> pullers = Map.of(TestUser.ADMIN, 202, TestUser.RESEARCHER, 202);
        String cohortId = guarded("POST", "/api/cohorts", List.of(), "{\"source\": \"nowhere\", \"query\": "
                + "{\"Modality\": \"CR\"}}", pullers).path("id");
        await().atMost(Duration.ofSeconds(30)).until(() -> cohortState(cohortId).equals("FAILED"));
        guarded("GET", "/api/cohorts", List.of(), null, analysts);
        guarded("GET", "/api/cohorts/{id}", List.of(cohortId), null, analysts);
        guarded("POST", "/api/cohorts/{id}/retrieve", List.of(cohortId), null,
                Map.of(TestUser.ADMIN, 409, TestUser.RESEARCHER, 409));
        guarded("POST", "/api/cohorts/{id}/retry", List.of(cohortId), null, pullers.keySet(),
                Map.of(TestUser.RESEARCHER, 202));
        await().atMost(Duration.ofSeconds(30)).until(() -> cohortState(cohortId).equals("FAILED"));
        guarded("POST", "/api/cohorts/{id}/cancel", List.of(cohortId), null,
                Map.of(TestUser.ADMIN, 409, TestUser.RESEARCHER, 409));

        // Expert masks: erase takes study SKETCHED and waits for each image's mask, which admins and researchers draw.
        var sketched = DicomCopies.asInstanceOf(TestFiles.pydicom("CT_small.dcm"), SKETCHED, SKETCHED + ".1",
                Files.createTempDirectory("authorization").resolve("s.dcm"));
        ProcessRun sentSketched = ProcessRun.storescu(listener.port(), "SYNTHGATE", "STORESCU", List.of(),
                List.of(sketched));
        assertEquals(0, sentSketched.exitCode(), sentSketched.output());
        String maskJob = TestUser.ADMIN.given().contentType("application/json")
                .post("/api/studies/{uid}/complete", SKETCHED).path("jobId");
        await().atMost(Duration.ofSeconds(60)).until(() -> jobState(maskJob).equals("AWAITING_MASK"));
        guarded("GET", "/api/jobs/{id}/masks", List.of(maskJob), null, analysts);
        guarded("GET", "/api/jobs/{id}/masks/{image}", List.of(maskJob, "1"), null, analysts);
        Map<TestUser, Integer> drawers = Map.of(TestUser.ADMIN, 201, TestUser.RESEARCHER, 201);
        guarded("POST", "/api/jobs/{id}/masks/submit", List.of(maskJob), null, drawers.keySet(),
                Map.of(TestUser.RESEARCHER, 409));
        guarded("POST", "/api/jobs/{id}/masks/{image}/versions", List.of(maskJob, "1"),
                "{\"shapes\": \"rectangle 4 4 8 8\"}", drawers);
        guarded("GET", "/api/jobs/{id}/masks/{image}/versions/{version}", List.of(maskJob, "1", "2"), null, analysts);
        guarded("POST", "/api/jobs/{id}/masks/submit", List.of(maskJob), null, drawers.keySet(),
                Map.of(TestUser.ADMIN, 202));

        guarded("GET", "/q/metrics", List.of(), null, Map.of(TestUser.ADMIN, 200, TestUser.SCRAPER, 200));
        String openApi = guarded("GET", "/q/openapi", List.of(), null, Map.of(TestUser.ADMIN, 200)).asString();
        assertTrue(openApi.contains("scheme: basic"), "the API description says how to sign in");
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/health/ready").then().statusCode(503);
        assertEquals(declaredEndpoints(), calledEndpoints(), "every /api endpoint is in this test");
    }

    /** Every {@code /api} endpoint the application declares with {@code @Path} and {@code @GET}, {@code @POST} or {@code @DELETE}. */
    private static Set<String> declaredEndpoints() {
        Set<String> declared = new TreeSet<>();
        for (JavaClass resource : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.synthgate")) {
            if (!resource.isAnnotatedWith(Path.class)) {
                continue;
            }
            String base = resource.getAnnotationOfType(Path.class).value();
            for (JavaMethod method : resource.getMethods()) {
                String verb = method.isAnnotatedWith(GET.class) ? "GET" : method.isAnnotatedWith(POST.class) ? "POST"
                        : method.isAnnotatedWith(DELETE.class) ? "DELETE" : null;
                if (verb != null) {
                    String path = method.isAnnotatedWith(Path.class) ? method.getAnnotationOfType(Path.class).value() : "";
                    String endpoint = normalized(base + "/" + path);
                    if (endpoint.startsWith("/api")) {
                        declared.add(verb + " " + endpoint);
                    }
                }
            }
        }
        return declared;
    }

    private static Set<String> calledEndpoints() {
        Set<String> called = new TreeSet<>();
        CALLED.stream().filter(call -> call.contains(" /api")).forEach(call -> called.add(normalized(call)));
        return called;
    }

    /**
     * Calls {@code method path} anonymously (401), as each user outside {@code allowed.keySet()} (403),
     * then as each allowed user in turn, expecting its status; returns the last answer.
     */
    private static Response guarded(String method, String template, List<String> parameters, String body,
            Map<TestUser, Integer> allowed) {
        return guarded(method, template, parameters, body, allowed.keySet(), allowed);
    }

    /** As above, for a call that changes something: every user outside {@code allowed} gets 403, then only {@code expected} call. */
    private static Response guarded(String method, String template, List<String> parameters, String body,
            Set<TestUser> allowed, Map<TestUser, Integer> expected) {
        CALLED.add(method + " " + template);
        Object[] values = parameters.toArray();
        assertEquals(401, call(given(), method, template, values, body).statusCode(), "anonymous " + method + " " + template);
        EnumSet<TestUser> others = TestUser.oneOfEachRole();
        others.removeAll(allowed);
        for (TestUser user : others) {
            Response refused = call(user.given(), method, template, values, body);
            assertEquals(403, refused.statusCode(), user + " " + method + " " + template);
            if (template.startsWith("/api")) {
                assertEquals("application/problem+json", refused.contentType(), "a 403 says why");
            }
        }
        Response last = null;
        for (Map.Entry<TestUser, Integer> entry : ordered(expected).entrySet()) {
            last = call(entry.getKey().given(), method, template, values, body);
            assertEquals(entry.getValue().intValue(), last.statusCode(),
                    entry.getKey() + " " + method + " " + template + ": " + last.asString());
        }
        return last;
    }

    /** Users in a fixed order, so a run repeats exactly. */
    private static Map<TestUser, Integer> ordered(Map<TestUser, Integer> expected) {
        Map<TestUser, Integer> ordered = new LinkedHashMap<>();
        new TreeSet<>(expected.keySet()).forEach(user -> ordered.put(user, expected.get(user)));
        return ordered;
    }

    private static Response call(io.restassured.specification.RequestSpecification request, String method,
            String template, Object[] values, String body) {
        // JSON or nothing: a form body is for the pages, and without their CSRF token it is refused.
        request = request.redirects().follow(false).contentType("application/json");
        if (body != null) {
            request = request.body(body);
        }
        return switch (method) {
            case "GET" -> request.get(template, values);
            case "DELETE" -> request.delete(template, values);
            default -> request.post(template, values);
        };
    }

    private String cohortState(String cohortId) {
        return TestUser.ADMIN.given().get("/api/cohorts/{id}", cohortId).path("state");
    }

    private String jobState(String jobId) {
        return TestUser.ADMIN.given().get("/api/jobs/{id}", jobId).path("job.state");
    }

    /** A path template with every parameter named alike, so declared and called templates compare. */
    private static String normalized(String path) {
        return path.replaceAll("\\{[^}]+}", "{}").replaceAll("/+", "/").replaceAll("(?<=.)/$", "");
    }
}
