package io.synthgate.job;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Finders for jobs. */
@ApplicationScoped
public class JobRepository implements PanacheRepositoryBase<JobEntity, UUID> {

    private static final EnumSet<JobState> OPEN = matching(JobState::isOpen);
    private static final EnumSet<JobState> RESUMABLE = matching(JobState::isResumable);

    public Optional<JobEntity> findOpenForStudy(String studyInstanceUid) {
        return find("studyInstanceUid = ?1 and state in ?2", studyInstanceUid, OPEN).firstResultOptional();
    }

    public List<JobEntity> listOpenIdleSince(Instant cutoff) {
        return list("state in ?1 and lastInstanceAt <= ?2", OPEN, cutoff);
    }

    public List<JobEntity> listForExperiment(String experiment, int limit) {
        return find("experiment", Sort.descending("createdAt"), experiment).page(io.quarkus.panache.common.Page.ofSize(limit))
                .list();
    }

    /**
     * Complete but unfinished jobs, oldest first, that no replica but {@code owner} holds a live claim on
     * at {@code now}.
     */
    public List<JobEntity> listResumable(String owner, Instant now) {
        return list("state in ?1 and (owner is null or owner = ?2 or leaseUntil < ?3)", Sort.by("createdAt"), RESUMABLE,
                owner, now);
    }

    private static EnumSet<JobState> matching(java.util.function.Predicate<JobState> predicate) {
        EnumSet<JobState> states = EnumSet.noneOf(JobState.class);
        for (JobState state : JobState.values()) {
            if (predicate.test(state)) {
                states.add(state);
            }
        }
        return states;
    }

    /** Jobs in {@code state} whose files are still kept and that last changed before {@code cutoff}, oldest first. */
    public List<JobEntity> listKeptFilesSince(JobState state, Instant cutoff, int limit) {
        return find("state = ?1 and filesRemovedAt is null and updatedAt < ?2", Sort.by("updatedAt"), state, cutoff)
                .page(io.quarkus.panache.common.Page.ofSize(limit)).list();
    }

    /** The job {@code collector} and every job whose instances it collected. */
    public List<JobEntity> listSharingInstancesOf(UUID collector) {
        return list("id = ?1 or instancesOf = ?1", collector);
    }

    public List<JobEntity> listForStudy(String studyInstanceUid) {
        return list("studyInstanceUid", Sort.by("createdAt"), studyInstanceUid);
    }

    /** The newest jobs, narrowed to a state and an experiment when given. */
    public List<JobEntity> listNewestFirst(Optional<JobState> state, Optional<String> experiment, int limit) {
        StringBuilder query = new StringBuilder("1 = 1");
        Map<String, Object> parameters = new HashMap<>();
        state.ifPresent(value -> {
            query.append(" and state = :state");
            parameters.put("state", value);
        });
        experiment.ifPresent(value -> {
            query.append(" and experiment = :experiment");
            parameters.put("experiment", value);
        });
        return find(query.toString(), Sort.by("createdAt").descending(), parameters).page(0, limit).list();
    }

    /** Jobs in {@code state}, the most recently changed first. */
    public List<JobEntity> listInState(JobState state, int limit) {
        return find("state", Sort.by("updatedAt").descending(), state).page(0, limit).list();
    }

    /**
     * Ends whatever claim a replica holds on the job, in the caller's transaction: the job just left the
     * states a replica runs, so a retry or a verdict that makes it runnable again finds it free.
     */
    public void clearClaim(UUID id) {
        getEntityManager().createNativeQuery("update job set owner = null, lease_until = null where id = :id")
                .setParameter("id", id).executeUpdate();
    }

    /** How many jobs are in each state (states without jobs left out). */
    public Map<JobState, Long> countByState() {
        Map<JobState, Long> counts = new EnumMap<>(JobState.class);
        getEntityManager().createQuery("select j.state, count(j) from JobEntity j group by j.state", Object[].class)
                .getResultList().forEach(row -> counts.put((JobState) row[0], (Long) row[1]));
        return counts;
    }
}
