package io.synthgate.job;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Finders for the job audit trail. */
@ApplicationScoped
public class JobEventRepository implements PanacheRepository<JobEventEntity> {

    public List<JobEventEntity> listForJob(UUID jobId) {
        return list("jobId", Sort.by("at").and("id"), jobId);
    }

    /** The reason of the job's latest line, if it has one. */
    public Optional<String> latestReason(UUID jobId) {
        return find("jobId", Sort.descending("at").and("id", Sort.Direction.Descending), jobId).firstResultOptional()
                .map(event -> event.reason);
    }

    /** When the job last entered {@code state}, if it ever did. */
    public Optional<Instant> lastEntryInto(UUID jobId, JobState state) {
        return find("jobId = ?1 and toState = ?2 and fromState <> ?2", Sort.descending("at"), jobId, state)
                .firstResultOptional().map(event -> event.at);
    }
}
