package io.synthgate.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import io.synthgate.testing.GatewayProcess;
import io.synthgate.testing.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged gateway upgrades the database an earlier release left, with its data, to the same
 * schema a new installation gets from empty: on H2 in failsafe's first run, on PostgreSQL in its
 * second. No release is tagged yet, so "the earlier release" is the schema of every migration but the
 * newest, which is what the installations before the newest migration run on.
 */
class DatabaseUpgradeIT {

    private static final Pattern MIGRATION = Pattern.compile("V(\\d+)__.*\\.sql");

    @TempDir
    Path folder;

    @Test
    void anEarlierReleasesDatabaseIsMigratedKeepingItsJobsAndEndsAsANewOne() throws Exception {
        List<Integer> versions = migrationVersions();
        String previous = Integer.toString(versions.get(versions.size() - 2));
        String newest = Integer.toString(versions.get(versions.size() - 1));

        GatewayProcess upgraded = GatewayProcess.forResearchPacs(folder.resolve("upgraded"), 1, Map.of());
        TestDatabase earlier = upgraded.database();
        Flyway.configure().dataSource(earlier.url(), earlier.user(), earlier.password())
                .locations("classpath:db/migration").target(previous).load().migrate();
        UUID job = UUID.randomUUID();
        try (Connection connection = earlier.connect()) {
            insertFailedJob(connection, job);
        }

        try (GatewayProcess gateway = upgraded.start()) {
            JsonNode detail = gateway.getJson("/api/jobs/" + job);
            assertEquals("FAILED", detail.path("job").path("state").asText());
            assertEquals("generator unreachable before the upgrade", detail.path("job").path("reason").asText());
            assertEquals("1.2.826.0.1.3680043.8.498.1", detail.path("job").path("studyInstanceUid").asText());
            assertEquals(2, detail.path("events").size(), detail.toString());
        }
        GatewayProcess fresh = GatewayProcess.forResearchPacs(folder.resolve("fresh"), 1, Map.of());
        fresh.start().close();

        try (Connection upgradedDb = earlier.connect(); Connection freshDb = fresh.database().connect()) {
            assertEquals(newest, schemaVersion(upgradedDb));
            List<String> columns = columns(freshDb);
            assertFalse(columns.isEmpty());
            assertEquals(columns, columns(upgradedDb), "the upgraded schema is the one a new installation gets");
            assertEquals(earlier.isPostgresql(), GatewayProcess.onPostgresql(), "the run's database is the one tested");
        }
    }

    private static void insertFailedJob(Connection connection, UUID job) throws SQLException {
        Timestamp now = Timestamp.from(Instant.now());
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into job (id, study_instance_uid, experiment, state, reason, created_at, updated_at,
                                 last_instance_at, instance_count, version)
                values (?, '1.2.826.0.1.3680043.8.498.1', 'inpaint', 'FAILED',
                        'generator unreachable before the upgrade', ?, ?, ?, 1, 2)""")) {
            insert.setObject(1, job);
            insert.setTimestamp(2, now);
            insert.setTimestamp(3, now);
            insert.setTimestamp(4, now);
            insert.executeUpdate();
        }
        try (PreparedStatement event = connection.prepareStatement(
                "insert into job_event (job_id, from_state, to_state, reason, occurred_at) values (?, ?, ?, ?, ?)")) {
            for (String[] step : new String[][] {{null, "PROCESSING", null},
                    {"PROCESSING", "FAILED", "generator unreachable before the upgrade"}}) {
                event.setObject(1, job);
                event.setString(2, step[0]);
                event.setString(3, step[1]);
                event.setString(4, step[2]);
                event.setTimestamp(5, now);
                event.executeUpdate();
            }
        }
    }

    private static String schemaVersion(Connection connection) throws SQLException {
        try (ResultSet rows = connection.createStatement().executeQuery(
                "select \"version\" from \"flyway_schema_history\" where \"success\" order by \"installed_rank\" desc")) {
            rows.next();
            return rows.getString(1);
        }
    }

    /** Every column of SynthGate's tables as "table.column type nullable", in a stable order. */
    private static List<String> columns(Connection connection) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (ResultSet rows = connection.createStatement().executeQuery("""
                select lower(table_name), lower(column_name), lower(data_type), is_nullable
                from information_schema.columns
                where lower(table_schema) = 'public' and lower(table_name) <> 'flyway_schema_history'
                order by 1, 2""")) {
            while (rows.next()) {
                columns.add(rows.getString(1) + "." + rows.getString(2) + " " + rows.getString(3) + " "
                        + rows.getString(4));
            }
        }
        return columns;
    }

    private static List<Integer> migrationVersions() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/db/migration"))) {
            return files.map(file -> MIGRATION.matcher(file.getFileName().toString()))
                    .filter(Matcher::matches)
                    .map(match -> Integer.parseInt(match.group(1)))
                    .sorted(Comparator.naturalOrder())
                    .toList();
        }
    }
}
