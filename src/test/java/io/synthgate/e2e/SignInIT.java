package io.synthgate.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synthgate.testing.GatewayProcess;
import io.synthgate.testing.ProcessRun;
import io.synthgate.testing.TestHttp;
import io.synthgate.testing.TestUser;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Sign-in on the packaged gateway as an admin sets it up: a fresh start without users keeps
 * {@code /api} and {@code /admin} shut and says why; users made with {@code scripts/hash-password}
 * and given in a file named by {@code quarkus.config.locations} then sign in with their roles. And no
 * start at all without a password for the embedded database, which holds the re-identification table.
 */
class SignInIT {

    @Test
    void aStartWithoutUsersShutsTheApiSayingWhyThenHashedUsersFromAFileSignIn() throws Exception {
        Path folder = Files.createTempDirectory("sign-in");
        try (GatewayProcess gateway = GatewayProcess.forResearchPacs(folder, 1, Map.of()).withoutUsers().start()) {
            HttpResponse<String> shut = anonymous(gateway, "/api/studies");
            assertEquals(503, shut.statusCode());
            assertEquals("application/problem+json", shut.headers().firstValue("Content-Type").orElse(""));
            assertTrue(shut.body().contains("no user is configured"), shut.body());
            assertEquals(503, anonymous(gateway, "/admin").statusCode());
            assertEquals(200, anonymous(gateway, "/q/health/live").statusCode(), "probes stay open");
            assertTrue(gateway.log().contains("No one can sign in to SynthGate yet"), "the log says it at start-up");
            assertTrue(gateway.log().contains("The pages' session key is not set"), "and that no session key is set");
            assertFalse(gateway.log().contains("temporary key"), "without the key Quarkus made in its stead");
            gateway.kill();

            Path users = folder.resolve("users.properties");
            Files.writeString(users, hashPassword("ada", "admin", "a long admin password")
                    + hashPassword("rex", "researcher", "a long researcher password"));
            gateway.withJvmOption("-Dquarkus.config.locations=" + users)
                    .withEnvironment("QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY", "a session key of forty-two characters, 42")
                    .start();
            assertFalse(gateway.log().contains("session key is not set"), "a configured key is not warned about");
            assertEquals(200, signedIn(gateway, "/api/studies", "ada", "a long admin password").statusCode());
            assertEquals(401, signedIn(gateway, "/api/studies", "ada", "a wrong password").statusCode());
            assertEquals(401, anonymous(gateway, "/api/studies").statusCode());
            assertEquals(200, signedIn(gateway, "/api/jobs", "rex", "a long researcher password").statusCode());
            assertEquals(403, signedIn(gateway, "/api/generator-calls", "rex", "a long researcher password").statusCode(),
                    "the generator call audit is for admins");
            assertEquals(401, signedIn(gateway, "/api/studies", TestUser.ADMIN.username(), TestUser.ADMIN.password())
                    .statusCode(), "only the configured users exist");
        }
    }

    private static String hashPassword(String name, String roles, String password) throws Exception {
        Path input = Files.createTempFile("password", ".txt");
        Files.writeString(input, password + "\n");
        ProcessRun run = ProcessRun.run(List.of("bash", "-c", "scripts/hash-password " + name + " " + roles + " < " + input));
        assertEquals(0, run.exitCode(), run.output());
        return run.output();
    }

    private static HttpResponse<String> anonymous(GatewayProcess gateway, String path) {
        return TestHttp.get(gateway.url(path));
    }

    private static HttpResponse<String> signedIn(GatewayProcess gateway, String path, String name, String password) {
        String credentials = java.util.Base64.getEncoder().encodeToString((name + ":" + password).getBytes());
        return TestHttp.send(HttpRequest.newBuilder(URI.create(gateway.url(path)))
                .header("Authorization", "Basic " + credentials).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void withoutADatabasePasswordTheGatewayDoesNotStartAndSaysWhatIsMissing() throws Exception {
        GatewayProcess gateway = GatewayProcess.forResearchPacs(Files.createTempDirectory("no-db-password"), 1, Map.of())
                .withoutDatabasePassword();
        IllegalStateException refused = assertThrows(IllegalStateException.class, gateway::start);
        assertTrue(refused.getMessage().contains("SYNTHGATE_DB_PASSWORD"), refused.getMessage());
        gateway.close();
    }
}
