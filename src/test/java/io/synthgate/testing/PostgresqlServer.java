package io.synthgate.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server (Debian's {@code postgresql}) of the tests' own: one cluster per test JVM
 * in a temporary data folder, on a free loopback port, with password sign-in as in production; stopped
 * and deleted when the JVM exits. Each gateway folder gets a database of its own, so a gateway
 * restarted on the same folder finds the same database, as it would find its H2 files.
 *
 * <p>PostgreSQL refuses to run as root; when the tests do (CI), its programs run as the
 * {@code postgres} user the Debian package creates.
 */
public final class PostgresqlServer {

    /** The role every gateway signs in as, owner of its database. */
    public static final String USER = "synthgate";
    public static final String PASSWORD = "synthgate-test-database";

    private static final String SUPERUSER_PASSWORD = "postgres-test-superuser";
    private static PostgresqlServer shared;

    private final Path folder;
    private final Path binaries;
    private final int port;
    private final Map<Path, String> databases = new HashMap<>();

    private PostgresqlServer(Path folder, Path binaries, int port) {
        this.folder = folder;
        this.binaries = binaries;
        this.port = port;
    }

    /** The JVM's server, started on first use. */
    public static synchronized PostgresqlServer shared() {
        if (shared == null) {
            shared = start();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::remove, "postgresql-stop"));
        }
        return shared;
    }

    /**
     * A server of the caller's own, for a scenario that stops and starts it; {@link #remove} when done
     * (the JVM's exit removes it too).
     */
    public static PostgresqlServer startOwn() {
        PostgresqlServer own = start();
        Runtime.getRuntime().addShutdownHook(new Thread(own::remove, "postgresql-stop"));
        return own;
    }

    /** Shuts the server down as an administrator's restart or a failover does: its sessions are cut. */
    public void shutDown() {
        pgCtl("stop", "-m", "fast", "-w");
    }

    /** Starts the server again after {@link #shutDown}, on the same port with the same databases. */
    public void startAgain() {
        serve();
    }

    /** The JDBC URL of the database for the gateway in {@code gatewayFolder}, created on first call. */
    public synchronized String databaseFor(Path gatewayFolder) {
        String name = databases.computeIfAbsent(gatewayFolder.toAbsolutePath().normalize(),
                folder -> "synthgate_" + (databases.size() + 1));
        try (Connection connection = DriverManager.getConnection(url("postgres"), "postgres", SUPERUSER_PASSWORD);
                Statement statement = connection.createStatement()) {
            boolean exists = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name + "'").next();
            if (!exists) {
                statement.execute("CREATE DATABASE " + name + " OWNER " + USER);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create database " + name + ": " + e.getMessage(), e);
        }
        return url(name);
    }

    private String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    private static PostgresqlServer start() {
        try {
            Path folder = Files.createTempDirectory("synthgate-postgresql");
            PostgresqlServer server = new PostgresqlServer(folder, binaries(), FreePorts.next());
            server.initialize();
            server.serve();
            try (Connection connection = DriverManager.getConnection(server.url("postgres"), "postgres", SUPERUSER_PASSWORD);
                    Statement statement = connection.createStatement()) {
                statement.execute("CREATE ROLE " + USER + " LOGIN PASSWORD '" + PASSWORD + "'");
            }
            return server;
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("Cannot start the tests' PostgreSQL server: " + e.getMessage(), e);
        }
    }

    private void serve() {
        pgCtl("start", "-w", "-l", folder.resolve("server.log").toString(), "-o",
                "-p " + port + " -k " + folder + " -c listen_addresses=127.0.0.1 -c fsync=off");
    }

    private void initialize() throws IOException {
        Path passwordFile = folder.resolve("superuser-password");
        Files.writeString(passwordFile, SUPERUSER_PASSWORD, StandardCharsets.UTF_8);
        if (runsAsRoot()) {
            UserPrincipal postgres = folder.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postgres");
            Files.setOwner(folder, postgres);
            Files.setOwner(passwordFile, postgres);
        }
        run(List.of(binaries.resolve("initdb").toString(), "-D", folder.resolve("data").toString(), "-U", "postgres",
                "--auth=scram-sha-256", "--pwfile=" + passwordFile, "--no-sync", "--encoding=UTF8", "--locale=C"));
    }

    private void pgCtl(String... arguments) {
        List<String> command = new ArrayList<>(List.of(binaries.resolve("pg_ctl").toString(), "-D",
                folder.resolve("data").toString()));
        command.addAll(List.of(arguments));
        run(command);
    }

    /** Stops the server, if it runs, and deletes its data. */
    public synchronized void remove() {
        if (!Files.exists(folder)) {
            return;
        }
        if (Files.exists(folder.resolve("data/postmaster.pid"))) {
            pgCtl("stop", "-m", "immediate");
        }
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind harms no later run
        }
    }

    private void run(List<String> command) {
        List<String> asPostgres = new ArrayList<>();
        if (runsAsRoot()) {
            asPostgres.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        asPostgres.addAll(command);
        // in its own folder: the postgres user may not enter the tests' working directory
        ProcessRun run = ProcessRun.runIn(folder, asPostgres);
        if (run.exitCode() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + run.output());
        }
    }

    private static boolean runsAsRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    /** The newest server version Debian installed under /usr/lib/postgresql. */
    private static Path binaries() throws IOException {
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            return versions.map(version -> version.resolve("bin"))
                    .filter(bin -> Files.isExecutable(bin.resolve("initdb")))
                    .max(Comparator.comparingInt(bin -> Integer.parseInt(bin.getParent().getFileName().toString())))
                    .orElseThrow(() -> new IllegalStateException("No PostgreSQL server under /usr/lib/postgresql"
                            + " (apt-get install postgresql)"));
        } catch (java.nio.file.NoSuchFileException e) {
            throw new IllegalStateException("PostgreSQL is not installed (apt-get install postgresql)", e);
        }
    }
}
