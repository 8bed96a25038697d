package io.synthgate.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.synthgate.testing.DicomCopies;
import io.synthgate.testing.FreePorts;
import io.synthgate.testing.GatewayProcess;
import io.synthgate.testing.GeneratorRequests;
import io.synthgate.testing.OrthancProcess;
import io.synthgate.testing.PostgresqlServer;
import io.synthgate.testing.ProcessRun;
import io.synthgate.testing.TestFiles;
import io.synthgate.testing.TestUser;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two gateways, "north" and "south", share one PostgreSQL database and one spool folder, as replicas
 * behind a Kubernetes Service do. Each calls its own stand-in for an AUTOMATIC1111 server, which takes
 * 700 ms per image and counts the calls per seed (each image of a job is asked for a seed of its own),
 * so a job run twice would show as an image generated twice. Runs on the PostgreSQL build whichever
 * database the rest of the suite uses, so failsafe runs it once, in its {@code postgresql} execution.
 */
class ReplicasShareOneDatabaseIT {

    private static final Path CT = TestFiles.pydicom("CT_small.dcm");
    private static final String IMG2IMG = "/sdapi/v1/img2img";
    private static final int GENERATION_MILLIS = 700;
    private static final Duration LEASE = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path folder;

    private WireMockServer northGenerator;
    private WireMockServer southGenerator;

    @BeforeEach
    void startGeneratorStandIns() {
        northGenerator = standIn();
        southGenerator = standIn();
    }

    @AfterEach
    void stopGeneratorStandIns() {
        northGenerator.stop();
        southGenerator.stop();
    }

    @Test
    void aStudyArrivingAtBothReplicasAtOnceIsOneJobAndAnObjectADeadReplicaLeftUnrecordedIsFound() throws Exception {
        String database = PostgresqlServer.shared().databaseFor(folder.resolve("database"));
        try (OrthancProcess orthanc = OrthancProcess.start(folder);
                GatewayProcess north = replica("north", orthanc, database, northGenerator, Map.of()).start();
                GatewayProcess south = replica("south", orthanc, database, southGenerator, Map.of()).start()) {
            List<String> studies = new ArrayList<>();
            for (int round = 1; round <= 4; round++) {
                String study = "2.25.4711" + round;
                List<Path> files = copies(study, 6);
                CompletableFuture<ProcessRun> toNorth = CompletableFuture.supplyAsync(() -> send(north, files.subList(0, 3)));
                CompletableFuture<ProcessRun> toSouth = CompletableFuture.supplyAsync(() -> send(south, files.subList(3, 6)));
                assertEquals(0, toNorth.get().exitCode(), toNorth.get().output());
                assertEquals(0, toSouth.get().exitCode(), toSouth.get().output());
                studies.add(study);
            }
            // What a replica leaves when it dies between acknowledging an object and recording it: the
            // file under its final name in the shared spool, and no record.
            String orphan = "2.25.47119";
            DicomCopies.asInstanceOf(CT, orphan, orphan + ".1.1",
                    folder.resolve("shared-spool/inbound").resolve(orphan).resolve(orphan + ".1.1.dcm"));
            assertEquals(1, StudyProgress.awaitExported(north, orphan, 1, Duration.ofMinutes(1)).size(),
                    "the spool recovery of a live replica records it, within synthgate.spool.recovery-interval");
            for (String study : studies) {
                assertEquals(6, StudyProgress.awaitExported(south, study, 6, Duration.ofMinutes(2)).size());
                JsonNode recorded = north.getJson("/api/studies/" + study);
                assertEquals(6, recorded.path("study").path("instanceCount").asInt(), recorded.toString());
                assertEquals(1, recorded.path("jobs").size(), "one study, one job, whichever replica took each instance: "
                        + recorded.path("jobs"));
            }
            assertEquals(25, orthanc.get("/instances").size());
        }
    }

    @Test
    void theSurvivorFinishesTheJobsOfAReplicaKilledMidwayAndNoImageIsGeneratedTwice() throws Exception {
        String database = PostgresqlServer.shared().databaseFor(folder.resolve("database"));
        Map<String, List<Path>> studies = new LinkedHashMap<>();
        for (int i = 1; i <= 20; i++) {
            String study = "2.25.8150" + i;
            studies.put(study, copies(study, 3));
        }
        // Only south checks for idle studies, so it completes every study, north's included, and is first to be
        // offered every job: north gets its share only from its sweeps, as when one replica's checks run ahead.
        Map<String, String> checksRarely = Map.of("synthgate.study.check-interval", "1h");
        try (OrthancProcess orthanc = OrthancProcess.start(folder);
                GatewayProcess north = replica("north", orthanc, database, northGenerator, checksRarely).start();
                GatewayProcess south = replica("south", orthanc, database, southGenerator, Map.of()).start()) {
            int index = 0;
            for (List<Path> files : studies.values()) {
                ProcessRun sent = send(index++ % 2 == 0 ? north : south, files);
                assertEquals(0, sent.exitCode(), sent.output());
            }
            Instant deadline = Instant.now().plusSeconds(120);
            while (calls(northGenerator).size() < 6 && Instant.now().isBefore(deadline)) {
                Thread.sleep(50);
            }
            north.kill();
            Instant killed = Instant.now();
            int northCalls = calls(northGenerator).size();
            assertTrue(northCalls >= 6 && northCalls < 30, "the kill lands while north has images left: " + northCalls);
            Map<String, Instant> heldByNorth = jobsHeldBy(north, "north");
            assertTrue(!heldByNorth.isEmpty(), "north died holding jobs");

            for (Map.Entry<String, List<Path>> study : studies.entrySet()) {
                Map<String, String> outputs = StudyProgress.awaitExported(south, study.getKey(), 3,
                        Duration.between(Instant.now(), killed.plus(LEASE).plusSeconds(90)));
                for (Path file : study.getValue()) {
                    String synthetic = outputs.get(DicomCopies.sopInstanceUid(file));
                    assertTrue(synthetic != null && orthanc.findInstance(synthetic).isPresent(),
                            "the synthetic counterpart of " + file + " is in Orthanc: " + synthetic);
                }
                assertEachStateEnteredOnce(south, study.getKey());
            }
            assertEquals(60, orthanc.get("/instances").size(), "one synthetic object per image, none twice");
            for (Map.Entry<String, Instant> job : heldByNorth.entrySet()) {
                Instant takenOver = takeover(south, job.getKey());
                // Not before the lease lapsed; south takes them as its own jobs make room, so the last may come
                // some seconds after.
                assertTrue(takenOver.isAfter(job.getValue()) && takenOver.isBefore(job.getValue().plusSeconds(60)),
                        "job " + job.getKey() + " was taken over when north's lease lapsed, " + LEASE + " after its last"
                        + " heartbeat, not at " + Duration.between(job.getValue(), takenOver) + " from then");
            }

            Map<Long, Integer> bySouth = callsPerSeed(southGenerator);
            Map<Long, Integer> byNorth = callsPerSeed(northGenerator);
            assertTrue(bySouth.values().stream().allMatch(n -> n == 1), "south generated no image twice: " + bySouth);
            assertTrue(byNorth.values().stream().allMatch(n -> n == 1), "north generated no image twice: " + byNorth);
            Set<Long> both = new HashSet<>(bySouth.keySet());
            both.retainAll(byNorth.keySet());
            Set<Long> inFlightAtKill = calls(northGenerator).stream()
                    .filter(call -> call.getLoggedDate().toInstant().isAfter(killed.minusMillis(GENERATION_MILLIS + 2000)))
                    .map(ReplicasShareOneDatabaseIT::seed).collect(Collectors.toSet());
            assertTrue(inFlightAtKill.containsAll(both), "south asked again only for images north was generating when it "
                    + "died (" + inFlightAtKill + "), not " + both);
            assertEquals(60, bySouth.size() + byNorth.size() - both.size(), "every image was generated");
        }
    }

    /**
     * A cohort whose replica died is finished by the other once the dead one's lease lapses: on Kubernetes a
     * replaced pod comes back under a new name, so waiting for the same name would leave the cohort RETRIEVING
     * for ever. The study north was retrieving when it died is retrieved again, and every instance is recorded
     * once, in one job per study.
     */
    @Test
    void aCohortWhoseReplicaDiedIsFinishedByTheOtherOnceItsLeaseLapses() throws Exception {
        String database = PostgresqlServer.shared().databaseFor(folder.resolve("database"));
        int clinicalPort = FreePorts.next();
        int studies = 4;
        int instances = 20;
        Map<String, String> pulling = Map.of(
                "synthgate.sources.clinical.ae-title", OrthancProcess.CLINICAL_AE_TITLE,
                "synthgate.sources.clinical.host", "127.0.0.1",
                "synthgate.sources.clinical.port", Integer.toString(clinicalPort),
                // By C-GET the instances come back on the retrieving replica's own association, whichever it is.
                "synthgate.sources.clinical.retrieve", "get",
                "synthgate.sources.clinical.max-associations", "1",
                // No experiment takes the studies: what is checked is how they arrive and complete.
                "synthgate.experiments.inpaint.enabled", "false");
        try (OrthancProcess orthanc = OrthancProcess.start(folder);
                GatewayProcess north = replica("north", orthanc, database, northGenerator, pulling).start();
                GatewayProcess south = replica("south", orthanc, database, southGenerator, pulling).start();
                OrthancProcess clinical = OrthancProcess.startClinical(folder.resolve("clinical"), clinicalPort,
                        north.dicomPort())) {
            List<String> accessions = new ArrayList<>();
            for (int s = 1; s <= studies; s++) {
                accessions.add("L100" + s);
                for (int i = 1; i <= instances; i++) {
                    String study = "2.25.9300" + s;
                    clinical.upload(DicomCopies.asClinicalInstance(CT, study, study + ".1." + i, "L100" + s,
                            "2025020" + s, null, folder.resolve("clinical-load").resolve(s + "-" + i + ".dcm")));
                }
            }
            String id = CohortProgress.open(north, TestUser.ADMIN, "{\"source\": \"clinical\", \"accessionNumbers\": "
                    + accessions.stream().map(a -> "\"" + a + "\"").collect(Collectors.joining(", ", "[", "]")) + "}");
            CohortProgress.awaitRetrieved(north, id, 1);
            north.kill();
            Instant killed = Instant.now();
            JsonNode cut = south.getJson("/api/cohorts/" + id);
            assertEquals("RETRIEVING", cut.path("state").asText(), "killed while retrieving: " + cut);
            assertEquals("north", cut.path("owner").asText(), cut.toString());
            assertTrue(cut.path("studies").path("RETRIEVED").asInt() < studies, "killed before the end: " + cut);

            // Until north's lease lapses no one goes on. Its end is read rather than reckoned from the kill: on a
            // busy machine north's last heartbeat may have come more than its usual 2 s before it.
            Instant lapses = cohortLeaseEnd(south, id);
            assertTrue(lapses.isAfter(killed), "north held a lease when it was killed: " + lapses);
            Thread.sleep(Math.max(0, Duration.between(Instant.now(), lapses.minusSeconds(1)).toMillis()));
            JsonNode waiting = south.getJson("/api/cohorts/" + id);
            assertEquals(cut.path("studies"), waiting.path("studies"), "nothing retrieved before the lease lapsed");

            JsonNode done = CohortProgress.awaitEnd(south, id);
            assertEquals("DONE", done.path("state").asText(), done.toString());
            assertEquals(studies, done.path("studies").path("RETRIEVED").asInt(), done.toString());
            assertEquals("south", done.path("owner").asText(), done.toString());
            assertTrue(south.log().contains("Cohort " + id + ": taken over from replica north, whose lease lapsed"),
                    "south says it took the cohort over");
            for (int s = 1; s <= studies; s++) {
                JsonNode study = south.getJson("/api/studies/2.25.9300" + s);
                assertEquals(instances, study.path("instances").size(), "each instance recorded once: " + study);
                assertEquals(1, study.path("jobs").size(), "one job for the whole study: " + study.path("jobs"));
                assertEquals(instances, study.path("jobs").get(0).path("instanceCount").asInt(), study.toString());
            }
        }
    }

    /**
     * A replica on the shared database and spool, inpainting through its own generator stand-in, with
     * {@code settings} on top.
     */
    private GatewayProcess replica(String name, OrthancProcess orthanc, String database, WireMockServer generator,
            Map<String, String> settings) {
        Map<String, String> overrides = new HashMap<>(settings);
        overrides.put("synthgate.replica.name", name);
        overrides.put("synthgate.replica.lease", LEASE.toSeconds() + "s");
        overrides.put("synthgate.replica.heartbeat-interval", "2s");
        overrides.put("synthgate.spool.dir", folder.resolve("shared-spool").toString());
        overrides.put("synthgate.spool.recovery-interval", "5s");
        overrides.put("synthgate.generator.sd.type", "a1111");
        overrides.put("synthgate.generator.sd.base-url", "http://127.0.0.1:" + generator.port());
        overrides.put("synthgate.generator.sd.size", "128x128");
        overrides.put("synthgate.generator.sd.timeout", "10s");
        overrides.put("synthgate.experiments.inpaint.generator", "sd");
        return GatewayProcess.forResearchPacs(folder.resolve(name), orthanc, overrides).onPostgresqlDatabase(database);
    }

    /** Every job of the study entered each state of its run once: none ran twice, none went back. */
    private static void assertEachStateEnteredOnce(GatewayProcess gateway, String study) {
        for (JsonNode job : gateway.getJson("/api/studies/" + study).path("jobs")) {
            List<String> entered = new ArrayList<>();
            for (JsonNode event : gateway.getJson("/api/jobs/" + job.path("id").asText()).path("events")) {
                if (!event.path("from").asText().equals(event.path("to").asText())) {
                    entered.add(event.path("to").asText());
                }
            }
            assertEquals(entered.stream().distinct().toList(), entered, "job " + job.path("id").asText());
            assertTrue(entered.containsAll(List.of("PROCESSING", "GENERATED", "EXPORTED")), entered.toString());
        }
    }

    /** The jobs {@code replica} holds a live claim on, each with its lease's end, read from the shared database. */
    private static Map<String, Instant> jobsHeldBy(GatewayProcess gateway, String replica) throws SQLException {
        Map<String, Instant> held = new LinkedHashMap<>();
        try (Connection connection = gateway.database().connect();
                PreparedStatement query = connection.prepareStatement(
                        "select id, lease_until from job where owner = ? and lease_until > now()")) {
            query.setString(1, replica);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    held.put(rows.getString(1), rows.getTimestamp(2).toInstant());
                }
            }
        }
        return held;
    }

    /** When the lease on the cohort ends, read from the shared database. */
    private static Instant cohortLeaseEnd(GatewayProcess gateway, String cohort) throws SQLException {
        try (Connection connection = gateway.database().connect();
                PreparedStatement query = connection.prepareStatement("select lease_until from cohort where id = ?")) {
            query.setObject(1, UUID.fromString(cohort));
            try (ResultSet rows = query.executeQuery()) {
                assertTrue(rows.next(), "cohort " + cohort + " is in the database");
                return rows.getTimestamp(1).toInstant();
            }
        }
    }

    /** When the job's history says another replica took it over. */
    private static Instant takeover(GatewayProcess gateway, String job) {
        for (JsonNode event : gateway.getJson("/api/jobs/" + job).path("events")) {
            if (event.path("reason").asText().contains("took the job over from replica north")) {
                return Instant.parse(event.path("at").asText());
            }
        }
        throw new AssertionError("job " + job + " was never taken over: " + gateway.getJson("/api/jobs/" + job).path("events"));
    }

    private static WireMockServer standIn() {
        WireMockServer server = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        String info = "{\\\"seed\\\": 1, \\\"all_seeds\\\": [1], \\\"index_of_first_image\\\": 0}";
        server.stubFor(post(urlEqualTo(IMG2IMG)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withFixedDelay(GENERATION_MILLIS)
                .withBody("{\"images\":[\"" + GeneratorRequests.pngBase64(128, 128, 90) + "\"],\"parameters\":{},"
                        + "\"info\":\"" + info + "\"}")));
        return server;
    }

    private static List<LoggedRequest> calls(WireMockServer generator) {
        return generator.findAll(postRequestedFor(urlEqualTo(IMG2IMG)));
    }

    private static Map<Long, Integer> callsPerSeed(WireMockServer generator) {
        Map<Long, Integer> counts = new HashMap<>();
        calls(generator).forEach(call -> counts.merge(seed(call), 1, Integer::sum));
        return counts;
    }

    private static long seed(LoggedRequest call) {
        try {
            return JSON.readTree(call.getBodyAsString()).path("seed").asLong();
        } catch (IOException e) {
            throw new IllegalStateException("an img2img request that is not JSON", e);
        }
    }

    private List<Path> copies(String study, int count) throws Exception {
        List<Path> files = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            files.add(DicomCopies.asInstanceOf(CT, study, study + ".1." + i, folder.resolve("sent").resolve(study + "-" + i + ".dcm")));
        }
        return files;
    }

    private static ProcessRun send(GatewayProcess gateway, List<Path> files) {
        return ProcessRun.storescu(gateway.dicomPort(), GatewayProcess.AE_TITLE, "MODALITY", List.of(), files);
    }
}
