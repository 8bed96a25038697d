package io.synthgate.job;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.synthgate.failure.ConflictException;
import io.synthgate.replica.Replica;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Claims between replicas on the real database: replicas "north" and "south" claim jobs this test
 * writes for them. Every job starts held by north, so the application's own dispatcher and retention
 * (a third replica) leave them alone.
 */
@QuarkusTest
class JobClaimsTest {

    private static final Duration LEASE = Duration.ofMinutes(1);

    @Inject
    EntityManager entities;

    @Inject
    JobService jobs;

    private final List<UUID> written = new java.util.ArrayList<>();

    @AfterEach
    void removeTheJobs() {
        QuarkusTransaction.requiringNew().run(() -> written.forEach(id -> {
            entities.createNativeQuery("delete from job_event where job_id = :id").setParameter("id", id).executeUpdate();
            entities.createNativeQuery("delete from job where id = :id").setParameter("id", id).executeUpdate();
        }));
    }

    @Test
    void aLiveClaimKeepsOtherReplicasOutUntilItsLeasePassesAndThenTheOwnerLearnsItLostTheJob() {
        UUID job = job(JobState.PROCESSING, "north");
        JobClaims north = replica("north", Clock.systemUTC());
        JobClaims south = replica("south", Clock.systemUTC());
        JobClaims southLater = replica("south", Clock.offset(Clock.systemUTC(), LEASE.plusSeconds(1)));

        assertTrue(north.claimToRun(job), "a replica's own claim is its own, a restart included");
        assertFalse(south.claimToRun(job), "held by north while its lease lasts");
        assertEquals(List.of(), north.renew(List.of(job)), "renewed, none lost");

        assertTrue(southLater.claimToRun(job), "north missed its heartbeats: south takes over");
        assertEquals("south", owner(job));
        assertEquals(List.of(job), north.renew(List.of(job)), "north's heartbeat finds the job gone to south");
        north.release(job);
        assertEquals("south", owner(job), "a replica releases only its own claim");
    }

    @Test
    void aReleasedJobIsFreeAtOnceAndOnlyJobsWithWorkLeftAreClaimedToRun() {
        UUID processing = job(JobState.PROCESSING, "north");
        UUID exported = job(JobState.EXPORTED, "north");
        JobClaims north = replica("north", Clock.systemUTC());
        JobClaims south = replica("south", Clock.systemUTC());

        north.release(processing);
        north.release(exported);
        assertEquals(null, owner(processing));
        assertFalse(south.claimToRun(exported), "an exported job has nothing left to run");
        assertTrue(south.claimToClean(exported), "but its files are retention's to remove");
        assertFalse(south.claimToClean(processing), "a running job keeps its files");
        assertTrue(south.claimToRun(processing));
    }

    @Test
    void aSweepClaimsUpToItsLimitOldestFirstAndPassesOverRowsAnotherReplicaIsClaimingRightNow() throws Exception {
        UUID first = job(JobState.PROCESSING, "north");
        UUID locked = job(JobState.GENERATED, "north");
        UUID third = job(JobState.PROCESSING, "north");
        UUID fourth = job(JobState.GENERATED, "north");
        UUID failed = job(JobState.FAILED, "north");
        JobClaims north = replica("north", Clock.systemUTC());

        CountDownLatch lockHeld = new CountDownLatch(1);
        CountDownLatch sweepDone = new CountDownLatch(1);
        CompletableFuture<Void> otherReplica = CompletableFuture.runAsync(() -> QuarkusTransaction.requiringNew().run(() -> {
            entities.createNativeQuery("select id from job where id = :id for update").setParameter("id", locked)
                    .getResultList();
            lockHeld.countDown();
            try {
                sweepDone.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        assertTrue(lockHeld.await(30, TimeUnit.SECONDS));
        try {
            List<JobClaims.Claimed> claimed = north.claimSome(List.of(first, locked, third, fourth, failed), 2);
            assertEquals(List.of(new JobClaims.Claimed(first, Optional.empty()), new JobClaims.Claimed(third, Optional.empty())),
                    claimed, "the locked row is skipped, not waited for, and the limit holds");
            JobClaims southLater = replica("south", Clock.offset(Clock.systemUTC(), LEASE.plusSeconds(1)));
            List<JobClaims.Claimed> rest = southLater.claimSome(List.of(locked, fourth, failed), 10);
            assertEquals(List.of(new JobClaims.Claimed(fourth, Optional.of("north"))), rest,
                    "still locked; a failed job needs no run; north's lapsed claim is named");
        } finally {
            sweepDone.countDown();
            otherReplica.get(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void aJobIsNotRetriedWhileAReplicaStillHoldsIt() {
        UUID failed = job(JobState.FAILED, "north");
        ConflictException refused = assertThrows(ConflictException.class, () -> jobs.retry(failed, "lee"));
        assertTrue(refused.getMessage().contains("replica north holds it"), refused.getMessage());

        replica("north", Clock.systemUTC()).release(failed);
        jobs.retry(failed, "lee");
        await().atMost(Duration.ofSeconds(30)).until(() -> jobs.find(failed).orElseThrow().state() == JobState.FAILED);
        await().atMost(Duration.ofSeconds(30)).until(() -> owner(failed) == null);
        assertTrue(jobs.history(failed).stream().anyMatch(event -> event.reason().equals("retry requested by lee")),
                "the history says who retried it: " + jobs.history(failed));
        assertTrue(jobs.history(failed).stream().anyMatch(event -> event.reason().contains("claims-test")),
                "this replica claimed the retried job, ran it (its experiment is unknown), and released it: "
                        + jobs.history(failed));
    }

    /** A job in {@code state}, held by {@code owner} for the next minute; each is a second younger than the last. */
    private UUID job(JobState state, String owner) {
        UUID id = UUID.randomUUID();
        Instant created = Instant.parse("2026-01-01T00:00:00Z").plusSeconds(written.size());
        QuarkusTransaction.requiringNew().run(() -> entities.createNativeQuery("insert into job (id, study_instance_uid, "
                + "experiment, origin, state, created_at, updated_at, last_instance_at, instance_count, version, owner, "
                + "lease_until) values (:id, '2.25.1', 'claims-test', 'STUDY', :state, :created, :created, :created, 1, 0, "
                + ":owner, :until)").setParameter("id", id).setParameter("state", state.name())
                .setParameter("created", created.atOffset(ZoneOffset.UTC)).setParameter("owner", owner)
                .setParameter("until", Instant.now().plus(LEASE).atOffset(ZoneOffset.UTC)).executeUpdate());
        written.add(id);
        return id;
    }

    private String owner(UUID job) {
        return QuarkusTransaction.requiringNew().call(() -> (String) entities
                .createNativeQuery("select owner from job where id = :id").setParameter("id", job).getSingleResult());
    }

    /** Another replica's claims: the same statements, under its name and its clock. */
    private JobClaims replica(String name, Clock clock) {
        return new JobClaims(entities, new Replica(name, LEASE), clock, new SimpleMeterRegistry());
    }
}
