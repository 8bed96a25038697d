package io.synthgate.study;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** Finders for received instances. */
@ApplicationScoped
public class InstanceRepository implements PanacheRepository<InstanceEntity> {

    public List<InstanceEntity> listBySopInstanceUids(List<String> sopInstanceUids) {
        return list("sopInstanceUid in ?1", sopInstanceUids);
    }

    public List<InstanceEntity> listForStudy(long studyId) {
        return list("studyId", Sort.by("receivedAt").and("id"), studyId);
    }

    public List<InstanceEntity> listForJob(UUID jobId) {
        return list("jobId", Sort.by("id"), jobId);
    }
}
