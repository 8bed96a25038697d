package io.synthgate.job;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Finders for generated objects. */
@ApplicationScoped
public class JobOutputRepository implements PanacheRepository<JobOutputEntity> {

    public Optional<JobOutputEntity> findBySopInstanceUid(String sopInstanceUid) {
        return find("sopInstanceUid", sopInstanceUid).firstResultOptional();
    }

    public List<JobOutputEntity> listForJob(UUID jobId) {
        return list("jobId", Sort.by("id"), jobId);
    }

    public List<JobOutputEntity> listForJobInState(UUID jobId, OutputState state) {
        return list("jobId = ?1 and state = ?2", Sort.by("id"), jobId, state);
    }
}
