package io.synthgate.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged gateway ({@code target/quarkus-app/quarkus-run.jar}) as a separate JVM running in its
 * own folder, so its default database and spool ({@code data/}) land there, on its own ports. A test
 * can kill it with SIGKILL and start it again on the same data.
 */
public final class GatewayProcess implements AutoCloseable {

    public static final String AE_TITLE = "SYNTHGATE";
    private static final Path POSTGRESQL_JAR = Path.of("target/quarkus-app-postgresql/quarkus-run.jar");

    private final Path folder;
    private final Map<String, String> properties;
    private final Map<String, String> environment = new LinkedHashMap<>();
    private final List<String> jvmOptions = new ArrayList<>();
    private final int httpPort;
    private final int dicomPort;
    private Path jar = Path.of(System.getProperty("synthgate.jar", "target/quarkus-app/quarkus-run.jar"));
    private TestDatabase database;
    private Process process;
    private boolean quickStart = true;
    private int starts;

    private GatewayProcess(Path folder, Map<String, String> properties, int httpPort, int dicomPort) {
        this.folder = folder;
        this.properties = properties;
        this.httpPort = httpPort;
        this.dicomPort = dicomPort;
    }

    /** Configuration for a gateway whose research destination is {@code orthanc}; add overrides, then start. */
    public static GatewayProcess forResearchPacs(Path folder, OrthancProcess orthanc, Map<String, String> overrides) {
        return forResearchPacs(folder, orthanc.dicomPort(), overrides);
    }

    /** Configuration for a gateway whose research destination is an Orthanc expected on {@code pacsPort}. */
    public static GatewayProcess forResearchPacs(Path folder, int pacsPort, Map<String, String> overrides) {
        int httpPort = FreePorts.next();
        int dicomPort = FreePorts.next();
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("quarkus.http.port", Integer.toString(httpPort));
        properties.put("synthgate.dicom.port", Integer.toString(dicomPort));
        properties.put("synthgate.dicom.bind-address", "127.0.0.1");
        properties.put("camel.main.routes-include-pattern",
                "file:" + Path.of("camel-routes").toAbsolutePath() + "/*.yaml");
        properties.put("synthgate.destinations.research.host", "127.0.0.1");
        properties.put("synthgate.destinations.research.port", Integer.toString(pacsPort));
        properties.put("synthgate.destinations.research.ae-title", OrthancProcess.AE_TITLE);
        properties.put("synthgate.study.idle-timeout", "2s");
        properties.put("synthgate.study.check-interval", "1s");
        properties.put("synthgate.pipeline.resume-interval", "1s");
        // The embedded database requires a password; each test's database is new, so any will do.
        properties.put("synthgate.database.password", "gateway-test-database");
        // Scenarios read outputs back after export (reports, figures, pages); RetentionIT runs the default.
        properties.put("synthgate.retention.after-export", "1h");
        for (TestUser user : TestUser.values()) {
            properties.put("quarkus.security.users.embedded.users." + user.username(), passwordDigest(user));
            properties.put("quarkus.security.users.embedded.roles." + user.username(), user.role());
        }
        properties.putAll(overrides);
        GatewayProcess gateway = new GatewayProcess(folder, properties, httpPort, dicomPort);
        if (onPostgresql()) {
            // the production way: the connection from the environment, as README's "Database" says
            gateway.withEnvironment("SYNTHGATE_DB_URL", PostgresqlServer.shared().databaseFor(folder))
                    .withEnvironment("SYNTHGATE_DB_USER", PostgresqlServer.USER)
                    .withEnvironment("SYNTHGATE_DB_PASSWORD", PostgresqlServer.PASSWORD);
            properties.put("synthgate.database.password", PostgresqlServer.PASSWORD);
        }
        return gateway;
    }

    /**
     * Whether the suite runs on PostgreSQL: failsafe's {@code postgresql} execution runs every
     * end-to-end test a second time, against the PostgreSQL build of the jar.
     */
    public static boolean onPostgresql() {
        return "postgresql".equals(System.getProperty("synthgate.database"));
    }

    /** An environment variable for the gateway's JVM, the way secrets reach it in production. */
    public GatewayProcess withEnvironment(String name, String value) {
        environment.put(name, value);
        return this;
    }

    /** Leaves out the test users: a fresh production start, where an admin has not yet configured any. */
    public GatewayProcess withoutUsers() {
        properties.keySet().removeIf(key -> key.startsWith("quarkus.security.users.embedded."));
        return this;
    }

    /** Leaves out the embedded database's password, which no configuration ships. */
    public GatewayProcess withoutDatabasePassword() {
        properties.remove("synthgate.database.password");
        environment.remove("SYNTHGATE_DB_PASSWORD");
        return this;
    }

    /**
     * Runs the PostgreSQL build on {@code url}, one of the tests' server's databases, whichever database
     * the suite runs on: replicas share one database, which only PostgreSQL can be.
     */
    public GatewayProcess onPostgresqlDatabase(String url) {
        jar = POSTGRESQL_JAR;
        database = new TestDatabase(url, PostgresqlServer.USER, PostgresqlServer.PASSWORD);
        properties.put("synthgate.database.password", PostgresqlServer.PASSWORD);
        return withEnvironment("SYNTHGATE_DB_URL", url).withEnvironment("SYNTHGATE_DB_USER", PostgresqlServer.USER)
                .withEnvironment("SYNTHGATE_DB_PASSWORD", PostgresqlServer.PASSWORD);
    }

    /**
     * Its database: the one {@link #onPostgresqlDatabase} named, else on PostgreSQL the one the tests'
     * server keeps for its folder, else the H2 files in its folder.
     */
    public TestDatabase database() {
        if (database != null) {
            return database;
        }
        String password = properties.get("synthgate.database.password");
        if (onPostgresql()) {
            return new TestDatabase(PostgresqlServer.shared().databaseFor(folder), PostgresqlServer.USER, password);
        }
        return new TestDatabase("jdbc:h2:file:" + folder.toAbsolutePath().resolve("data/db/synthgate"), "synthgate",
                password);
    }

    /**
     * The JIT as production runs it, C2 included, for a scenario whose generation computes long enough
     * for C2's code to pay (a large radiograph, a long stack). Others start on C1 alone
     * ({@code -XX:TieredStopAtLevel=1}, as Quarkus's dev mode starts its JVM): a start then costs about
     * half the CPU time, 5 s instead of 10, which on two cores decides how long the suites take, and
     * nothing the scenarios assert depends on how fast compiled code runs.
     */
    public GatewayProcess withFullJit() {
        quickStart = false;
        return this;
    }

    /** A JVM option for the gateway, e.g. a heap limit. */
    public GatewayProcess withJvmOption(String option) {
        jvmOptions.add(option);
        return this;
    }

    public GatewayProcess start() throws IOException, InterruptedException {
        Path jar = this.jar.toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: end-to-end tests run after `package`");
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        if (quickStart) {
            command.add("-XX:TieredStopAtLevel=1");
        }
        command.addAll(jvmOptions);
        properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-jar");
        command.add(jar.toString());
        Files.createDirectories(folder);
        ProcessBuilder builder = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(folder.resolve("gateway-" + (++starts) + ".log").toFile()));
        builder.environment().putAll(environment);
        process = builder.start();
        awaitLive();
        return this;
    }

    /** The log of the latest start. */
    public String log() throws IOException {
        return Files.readString(folder.resolve("gateway-" + starts + ".log"));
    }

    /** SIGKILL: no shutdown hook, no flush, exactly what a power cut leaves behind. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    public int dicomPort() {
        return dicomPort;
    }

    public String url(String path) {
        return "http://127.0.0.1:" + httpPort + path;
    }

    /** A request to {@code path} signed in as {@code user}; add a method and body, then send it with {@link TestHttp}. */
    public HttpRequest.Builder request(String path, TestUser user) {
        return HttpRequest.newBuilder(URI.create(url(path))).header("Authorization", user.basicAuthorization());
    }

    /** GET {@code path} as an admin. */
    public HttpResponse<String> get(String path) {
        return TestHttp.send(request(path, TestUser.ADMIN).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** GET {@code path} as an admin, as JSON. */
    public JsonNode getJson(String path) {
        return TestHttp.json(get(path).body());
    }

    /** The password as production configures it: hex SHA-256 of {@code name:SynthGate:password}. */
    private static String passwordDigest(TestUser user) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(
                    (user.username() + ":SynthGate:" + user.password()).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void awaitLive() throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Gateway exited with " + process.exitValue() + ":\n" + logTail());
            }
            try {
                if (TestHttp.get(url("/q/health/live")).statusCode() == 200) {
                    return;
                }
            } catch (java.io.UncheckedIOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("Gateway not live within 60 s:\n" + logTail());
    }

    private String logTail() {
        try {
            List<String> lines = Files.readAllLines(folder.resolve("gateway-" + starts + ".log"));
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
