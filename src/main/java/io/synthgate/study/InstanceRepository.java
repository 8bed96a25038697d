package io.synthgate.study;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Finders for received instances. */
@ApplicationScoped
public class InstanceRepository implements PanacheRepository<InstanceEntity> {

    public Optional<InstanceEntity> findBySopInstanceUid(String sopInstanceUid) {
        return find("sopInstanceUid", sopInstanceUid).firstResultOptional();
    }

    public List<InstanceEntity> listForStudy(long studyId) {
        return list("studyId", Sort.by("receivedAt").and("id"), studyId);
    }

    public List<InstanceEntity> listForJob(UUID jobId) {
        return list("jobId", Sort.by("id"), jobId);
    }
}
