package io.synthgate.cohort;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.synthgate.dicom.StudyInstanceUid;
import io.synthgate.job.JobService;
import io.synthgate.replica.Replica;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Cohort leases between replicas on the real database: replicas "north" and "south" run the ledger's
 * statements under their names and clocks, a clock a lease ahead standing in for a replica that stalled
 * (a long pause, a frozen VM) and for the replica that finds its lease lapsed.
 */
@QuarkusTest
class CohortLeasesTest {

    private static final Duration LEASE = Duration.ofMinutes(1);
    private static final StudyMatch FIRST = match("2.25.71001");
    private static final StudyMatch SECOND = match("2.25.71002");

    @Inject
    CohortRepositories.Cohorts cohorts;

    @Inject
    CohortRepositories.Studies studies;

    @Inject
    JobService jobs;

    @Inject
    ObjectMapper json;

    private final List<UUID> opened = new ArrayList<>();

    @AfterEach
    void removeTheCohorts() {
        QuarkusTransaction.requiringNew().run(() -> opened.forEach(id -> {
            studies.delete("cohortId", id);
            cohorts.deleteById(id);
        }));
    }

    @Test
    void aReplicaThatLostItsCohortWhileStalledStartsNoFurtherRetrieveAndLeavesItsEndToTheReplicaThatTookItOver() {
        CohortLedger north = replica("north", Clock.systemUTC());
        CohortLedger southLater = replica("south", later());
        UUID cohort = retrievingTwoStudies(north);
        assertTrue(inTransaction(() -> north.retrieving(cohort, FIRST)));

        assertEquals(Map.of(cohort, "north"), inTransaction(southLater::takeOverLapsed), "north missed its heartbeats");
        assertEquals(CohortStudyState.MATCHED, state(cohort, FIRST), "the study north was retrieving, to retrieve again");

        assertFalse(inTransaction(() -> north.holds(cohort)), "north, awake again, finds the cohort gone");
        assertFalse(inTransaction(() -> north.retrieving(cohort, SECOND)), "and starts no further retrieve");
        QuarkusTransaction.requiringNew().run(() -> north.retrieved(cohort, FIRST,
                new RetrieveOutcome(0, 3, 0, 0, List.of(), "", null), List.of(), null));
        assertEquals(CohortStudyState.MATCHED, state(cohort, FIRST), "north's late result is south's to make again");
        assertFalse(inTransaction(() -> north.finish(cohort, CohortState.DONE, "1 retrieved")));
        assertEquals(CohortState.RETRIEVING, inTransaction(() -> north.plan(cohort).state()));
        assertEquals("south", inTransaction(() -> north.owner(cohort)));

        assertTrue(inTransaction(() -> southLater.retrieving(cohort, FIRST)));
        assertTrue(inTransaction(() -> southLater.finish(cohort, CohortState.DONE, "2 retrieved")));
    }

    @Test
    void aReplicaThatStalledPastItsLeaseGoesOnWhereNoOtherTookItsCohortAndKeepsItFromThenOn() {
        UUID cohort = retrievingTwoStudies(replica("north", Clock.systemUTC()));
        CohortLedger northLater = replica("north", later());

        assertTrue(inTransaction(() -> northLater.retrieving(cohort, FIRST)), "still its own: it goes on");
        assertEquals(Map.of(), inTransaction(replica("south", later())::takeOverLapsed),
                "north's retrieve renewed the lease it had let lapse");
        assertEquals(CohortStudyState.RETRIEVING, state(cohort, FIRST));
    }

    /** A cohort opened by {@code replica} whose query matched two studies, none retrieved yet. */
    private UUID retrievingTwoStudies(CohortLedger replica) {
        UUID cohort = inTransaction(() -> replica.open("clinical", Map.of("ModalitiesInStudy", "CT"), List.of(),
                List.of("inpaint"), 10, false, "leases-test"));
        opened.add(cohort);
        assertTrue(inTransaction(() -> replica.matched(cohort, List.of(FIRST, SECOND), match -> false,
                CohortState.RETRIEVING, "2 studies match")));
        return cohort;
    }

    private CohortStudyState state(UUID cohort, StudyMatch match) {
        return inTransaction(() -> studies.find("cohortId = ?1 and studyInstanceUid = ?2", cohort,
                match.study().value()).singleResult().state);
    }

    /** Another replica's ledger: the same statements, under its name and its clock. */
    private CohortLedger replica(String name, Clock clock) {
        return new CohortLedger(cohorts, studies, jobs, json, clock, new Replica(name, LEASE));
    }

    /** A lease and a second on: the lease of a replica that stalled since the last statement has lapsed. */
    private static Clock later() {
        return Clock.offset(Clock.systemUTC(), LEASE.plusSeconds(1));
    }

    private static <T> T inTransaction(Callable<T> work) {
        return QuarkusTransaction.requiringNew().call(work);
    }

    private static StudyMatch match(String uid) {
        return new StudyMatch(new StudyInstanceUid(uid), "A" + uid.substring(uid.length() - 4), "20260101", "CT",
                Optional.of(3), List.of());
    }
}
