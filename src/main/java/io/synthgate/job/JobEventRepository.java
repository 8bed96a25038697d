package io.synthgate.job;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** Finders for the job audit trail. */
@ApplicationScoped
public class JobEventRepository implements PanacheRepository<JobEventEntity> {

    public List<JobEventEntity> listForJob(UUID jobId) {
        return list("jobId", Sort.by("at").and("id"), jobId);
    }
}
