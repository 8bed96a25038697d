package io.synthgate.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.synthgate.testing.GatewayProcess;
import io.synthgate.testing.TestHttp;
import io.synthgate.testing.TestUser;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/** Opens a cohort through the gateway's REST API and follows it until it has retrieved studies or ended. */
final class CohortProgress {

    private CohortProgress() {
    }

    /** Opens a cohort as {@code user} with the request {@code body}; its id. */
    static String open(GatewayProcess gateway, TestUser user, String body) {
        HttpResponse<String> response = TestHttp.send(gateway.request("/api/cohorts", user)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(202, response.statusCode(), response.body());
        JsonNode cohort = TestHttp.json(response.body());
        assertTrue(response.headers().firstValue("Location").orElse("").endsWith(cohort.path("id").asText()));
        return cohort.path("id").asText();
    }

    /** The cohort as soon as at least {@code count} of its studies are retrieved. */
    static JsonNode awaitRetrieved(GatewayProcess gateway, String id, int count) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        JsonNode cohort = gateway.getJson("/api/cohorts/" + id);
        while (cohort.path("studies").path("RETRIEVED").asInt() < count) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Fewer than " + count + " studies retrieved after 2 minutes: " + cohort);
            }
            Thread.sleep(50);
            cohort = gateway.getJson("/api/cohorts/" + id);
        }
        return cohort;
    }

    /** The cohort once it no longer queries or retrieves. */
    static JsonNode awaitEnd(GatewayProcess gateway, String id) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        JsonNode cohort = gateway.getJson("/api/cohorts/" + id);
        while (Set.of("QUERYING", "RETRIEVING").contains(cohort.path("state").asText())) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Cohort still running after 2 minutes: " + cohort);
            }
            Thread.sleep(300);
            cohort = gateway.getJson("/api/cohorts/" + id);
        }
        return cohort;
    }
}
