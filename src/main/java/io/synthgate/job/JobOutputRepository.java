package io.synthgate.job;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Finders for generated objects. */
@ApplicationScoped
public class JobOutputRepository implements PanacheRepository<JobOutputEntity> {

    public Optional<JobOutputEntity> findBySopInstanceUid(String sopInstanceUid) {
        return find("sopInstanceUid", sopInstanceUid).firstResultOptional();
    }

    public Optional<JobOutputEntity> findBySopInstanceUidForUpdate(String sopInstanceUid) {
        return find("sopInstanceUid", sopInstanceUid).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    public List<JobOutputEntity> listForJob(UUID jobId) {
        return list("jobId", Sort.by("id"), jobId);
    }

    public List<JobOutputEntity> listForJobInStates(UUID jobId, java.util.Set<OutputState> states) {
        return list("jobId = ?1 and state in ?2", Sort.by("id"), jobId, states);
    }

    public List<JobOutputEntity> listInState(OutputState state, int limit) {
        return find("state", Sort.by("createdAt").and("id"), state).page(io.quarkus.panache.common.Page.ofSize(limit)).list();
    }

    public long countInState(OutputState state) {
        return count("state", state);
    }
}
