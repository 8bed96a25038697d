package io.synthgate.review;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.synthgate.job.OutputState;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** Finders for the review audit. */
@ApplicationScoped
public class ReviewDecisionRepository implements PanacheRepository<ReviewDecisionEntity> {

    public List<ReviewDecisionEntity> latest(int limit) {
        return findAll(Sort.descending("decidedAt", "id")).page(Page.ofSize(limit)).list();
    }

    public List<ReviewDecisionEntity> forCandidate(String sopInstanceUid) {
        return list("sopInstanceUid", Sort.by("decidedAt").and("id"), sopInstanceUid);
    }

    /** The candidates still awaiting review that {@code reviewer} has given a verdict, waiting on other readers. */
    public Set<String> awaitingOthersAfter(String reviewer) {
        return find("reviewer = ?1 and sopInstanceUid in (select o.sopInstanceUid from JobOutputEntity o where o.state = ?2)",
                reviewer, OutputState.AWAITING_REVIEW).stream().map(decision -> decision.sopInstanceUid)
                .collect(Collectors.toSet());
    }

    public List<ReviewDecisionEntity> forJob(UUID jobId) {
        return list("jobId", Sort.by("decidedAt").and("id"), jobId);
    }
}
