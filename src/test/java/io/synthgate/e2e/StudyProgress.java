package io.synthgate.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.synthgate.testing.GatewayProcess;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;

/** Follows a study through the gateway's REST API until its jobs are done or its candidates await review. */
final class StudyProgress {

    private StudyProgress() {
    }

    /**
     * Waits until the study exists and every job of it is EXPORTED, then returns source SOP Instance
     * UID to synthetic SOP Instance UID for its exported outputs. A FAILED job fails the test with its reason.
     */
    static Map<String, String> awaitExported(GatewayProcess gateway, String studyInstanceUid, int expectedInstances,
            Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        String last = "no answer";
        while (Instant.now().isBefore(deadline)) {
            JsonNode study = gateway.getJson("/api/studies/" + studyInstanceUid);
            last = study.toString();
            JsonNode jobs = study.path("jobs");
            boolean allExported = jobs.size() > 0 && study.path("study").path("instanceCount").asInt() >= expectedInstances;
            for (JsonNode job : jobs) {
                String state = job.path("state").asText();
                if (state.equals("FAILED")) {
                    throw new AssertionError("Job " + job.path("id").asText() + " failed: " + job.path("reason").asText());
                }
                allExported &= state.equals("EXPORTED");
            }
            if (allExported) {
                Map<String, String> outputs = new HashMap<>();
                for (JsonNode job : jobs) {
                    for (JsonNode output : gateway.getJson("/api/jobs/" + job.path("id").asText()).path("outputs")) {
                        if (output.path("state").asText().equals("EXPORTED")) {
                            outputs.put(output.path("sourceSopInstanceUid").asText(), output.path("sopInstanceUid").asText());
                        }
                    }
                }
                return outputs;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("Study " + studyInstanceUid + " not exported within " + timeout + "; last state " + last);
    }

    /** Waits until a job of the study is in {@code state}, and returns it as the study's page lists it. */
    static JsonNode awaitJob(GatewayProcess gateway, String studyInstanceUid, String state, Duration timeout)
            throws InterruptedException {
        return awaitJob(gateway, studyInstanceUid, job -> job.path("state").asText().equals(state), "reached " + state,
                timeout);
    }

    /**
     * Waits until a job of the study is FAILED with a reason containing {@code reasonPart} (a job failed
     * before for another reason, and retried since, does not count), and returns it.
     */
    static JsonNode awaitFailure(GatewayProcess gateway, String studyInstanceUid, String reasonPart, Duration timeout)
            throws InterruptedException {
        return awaitJob(gateway, studyInstanceUid, job -> job.path("state").asText().equals("FAILED")
                && job.path("reason").asText().contains(reasonPart), "failed for '" + reasonPart + "'", timeout);
    }

    /**
     * Waits up to 90 s until a job of the study has a line in its history saying its export waits, with
     * {@code reasonPart} in it, and returns the job's id.
     */
    static String awaitWaitingExport(GatewayProcess gateway, String studyInstanceUid, String reasonPart)
            throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(90);
        while (Instant.now().isBefore(deadline)) {
            for (JsonNode job : gateway.getJson("/api/studies/" + studyInstanceUid).path("jobs")) {
                String id = job.path("id").asText();
                for (JsonNode event : gateway.getJson("/api/jobs/" + id).path("events")) {
                    String reason = event.path("reason").asText();
                    if (reason.startsWith("export waits: ") && reason.contains(reasonPart)) {
                        return id;
                    }
                }
            }
            Thread.sleep(250);
        }
        throw new AssertionError("no job of " + studyInstanceUid + " waits with '" + reasonPart + "' within 90 s");
    }

    private static JsonNode awaitJob(GatewayProcess gateway, String studyInstanceUid, Predicate<JsonNode> wanted,
            String what, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        JsonNode jobs = gateway.getJson("/api/studies/" + studyInstanceUid).path("jobs");
        while (Instant.now().isBefore(deadline)) {
            for (JsonNode job : jobs) {
                if (wanted.test(job)) {
                    return job;
                }
            }
            Thread.sleep(250);
            jobs = gateway.getJson("/api/studies/" + studyInstanceUid).path("jobs");
        }
        throw new AssertionError("No job of study " + studyInstanceUid + " " + what + " within " + timeout + ": " + jobs);
    }

    /** Waits up to two minutes until {@code count} candidates await a verdict, and returns them, oldest first. */
    static JsonNode awaitPendingReviews(GatewayProcess gateway, int count) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(120);
        JsonNode pending = gateway.getJson("/api/reviews");
        while (pending.size() < count && Instant.now().isBefore(deadline)) {
            Thread.sleep(250);
            pending = gateway.getJson("/api/reviews");
        }
        if (pending.size() < count) {
            throw new AssertionError(count + " candidates awaiting review expected: " + pending);
        }
        return pending;
    }

    /**
     * Waits until readiness answers 503 with {@code reasonPart} in its body (any body for ""), and
     * returns that body; fails the test when it does not within {@code timeout}.
     */
    static String awaitNotReady(GatewayProcess gateway, String reasonPart, Duration timeout)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        HttpResponse<String> ready = gateway.get("/q/health/ready");
        while (!(ready.statusCode() == 503 && ready.body().contains(reasonPart)) && Instant.now().isBefore(deadline)) {
            Thread.sleep(250);
            ready = gateway.get("/q/health/ready");
        }
        assertEquals(503, ready.statusCode(), "not ready within " + timeout + ": " + ready.body());
        assertTrue(ready.body().contains(reasonPart), ready.body());
        return ready.body();
    }
}
