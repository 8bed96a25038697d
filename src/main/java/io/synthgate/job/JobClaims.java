package io.synthgate.job;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.synthgate.replica.Replica;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Which replica runs which job, so that replicas sharing one database never run a job twice. A replica
 * claims a job before it runs or cleans it, renews the claim's lease while it works, and releases the
 * claim when done; a claim whose lease passed (its replica died or stalled) is anyone's to take, and the
 * job resumes where its state and outputs in the database say it stopped. A replica's claims under its
 * own name are its own, so a restarted replica takes its jobs back at once.
 *
 * <p>Each method is one short transaction of its own, never the caller's: a claim must be visible to
 * the other replicas before the work it guards starts.
 */
@ApplicationScoped
public class JobClaims {

    private static final String CLAIMABLE = "(owner is null or owner = :me or lease_until < :now)";
    /** Jobs there is work to run for: the pipeline's claims are only on these. */
    private static final String RUNNABLE = states(JobState::isResumable);
    /** Finished jobs whose files are kept: retention's claims are only on these. */
    private static final String CLEANABLE = states(state -> state == JobState.EXPORTED || state == JobState.FAILED
            || state == JobState.UNMATCHED) + " and files_removed_at is null";

    private final EntityManager entities;
    private final Replica replica;
    private final Clock clock;
    private final MeterRegistry registry;

    public JobClaims(EntityManager entities, Replica replica, Clock clock, MeterRegistry registry) {
        this.entities = entities;
        this.replica = replica;
        this.clock = clock;
        this.registry = registry;
    }

    /**
     * Claims a job to run it, unless another replica holds a live claim on it or it no longer needs a
     * run (it is not PROCESSING or GENERATED).
     *
     * @return whether this replica now holds the claim
     */
    public boolean claimToRun(UUID jobId) {
        return claim(jobId, RUNNABLE);
    }

    /**
     * Claims a finished job to remove its files, unless another replica holds a live claim on it, its
     * files are gone already, or it is running again.
     *
     * @return whether this replica now holds the claim
     */
    public boolean claimToClean(UUID jobId) {
        return claim(jobId, CLEANABLE);
    }

    private boolean claim(UUID jobId, String condition) {
        return timed("claim", () -> {
            Instant now = clock.instant();
            return entities.createNativeQuery("update job set owner = :me, lease_until = :until where id = :id and "
                    + condition + " and " + CLAIMABLE)
                    .setParameter("me", replica.name()).setParameter("until", timestamp(now.plus(replica.lease())))
                    .setParameter("now", timestamp(now)).setParameter("id", jobId).executeUpdate() == 1;
        });
    }

    /**
     * Claims as many of {@code candidates} as are free and still need a run, at most {@code limit}, oldest
     * first. The rows are read with {@code FOR UPDATE SKIP LOCKED}: a job another replica is claiming at
     * this moment is passed over, not waited for, so replicas sweeping together split the work instead of
     * queueing on it.
     *
     * @return the jobs this replica now holds, each with the replica whose lapsed claim it took over
     */
    public List<Claimed> claimSome(Collection<UUID> candidates, int limit) {
        if (candidates.isEmpty() || limit <= 0) {
            return List.of();
        }
        return timed("sweep", () -> {
            Instant now = clock.instant();
            List<Object[]> free = entities.createNativeQuery("select id, owner from job where id in (:ids) and "
                    + RUNNABLE + " and " + CLAIMABLE + " order by created_at limit :limit for update skip locked",
                    Object[].class).setParameter("ids", candidates).setParameter("me", replica.name())
                    .setParameter("now", timestamp(now)).setParameter("limit", limit).getResultList();
            List<Claimed> claimed = free.stream().map(row -> new Claimed(uuid(row[0]), Optional.ofNullable((String) row[1])
                    .filter(owner -> !owner.equals(replica.name())))).toList();
            if (!claimed.isEmpty()) {
                entities.createNativeQuery("update job set owner = :me, lease_until = :until where id in (:ids)")
                        .setParameter("me", replica.name()).setParameter("until", timestamp(now.plus(replica.lease())))
                        .setParameter("ids", claimed.stream().map(Claimed::jobId).toList()).executeUpdate();
            }
            return claimed;
        });
    }

    /**
     * A job this replica claimed.
     *
     * @param takenOverFrom the other replica whose claim had lapsed, when there was one
     */
    public record Claimed(UUID jobId, Optional<String> takenOverFrom) {
    }

    /**
     * Extends the lease of those of {@code jobIds} this replica still holds: the heartbeat.
     *
     * @return those of them another replica holds now, having taken them over after this one missed its
     *     heartbeats; none in the normal course
     */
    public List<UUID> renew(Collection<UUID> jobIds) {
        if (jobIds.isEmpty()) {
            return List.of();
        }
        return timed("renew", () -> {
            entities.createNativeQuery("update job set lease_until = :until where owner = :me and id in (:ids)")
                    .setParameter("until", timestamp(clock.instant().plus(replica.lease())))
                    .setParameter("me", replica.name()).setParameter("ids", jobIds).executeUpdate();
            return entities.createNativeQuery("select id from job where id in (:ids) and owner <> :me", UUID.class)
                    .setParameter("ids", jobIds).setParameter("me", replica.name()).getResultList();
        });
    }

    /** Gives up this replica's claim on a job: the work it guarded is done, or left for the next claim. */
    public void release(UUID jobId) {
        timed("release", () -> entities.createNativeQuery(
                "update job set owner = null, lease_until = null where id = :id and owner = :me")
                .setParameter("id", jobId).setParameter("me", replica.name()).executeUpdate());
    }

    /** The name this replica claims under. */
    public String owner() {
        return replica.name();
    }

    /**
     * Runs a claim statement in a transaction of its own, timed with its commit in
     * {@code synthgate_job_claims_seconds} by operation: what sharing the database costs each job, beside
     * the statements the job's run makes anyway.
     */
    private <T> T timed(String operation, Supplier<T> statement) {
        return Timer.builder("synthgate.job.claims").tag("operation", operation)
                .description("Claim statements on jobs (claim, sweep, renew, release), each with its commit")
                .register(registry).record(() -> QuarkusTransaction.requiringNew().call(statement::get));
    }

    private static String states(Predicate<JobState> included) {
        return Arrays.stream(JobState.values()).filter(included).map(state -> "'" + state.name() + "'")
                .collect(Collectors.joining(", ", "state in (", ")"));
    }

    /** A UUID column as the driver hands it over: H2 as bytes, PostgreSQL as a UUID. */
    private static UUID uuid(Object column) {
        if (column instanceof byte[] bytes) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            return new UUID(buffer.getLong(), buffer.getLong());
        }
        return (UUID) column;
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
