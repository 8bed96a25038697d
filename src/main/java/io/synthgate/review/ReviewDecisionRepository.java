package io.synthgate.review;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** Finders for the review audit. */
@ApplicationScoped
public class ReviewDecisionRepository implements PanacheRepository<ReviewDecisionEntity> {

    public List<ReviewDecisionEntity> latest(int limit) {
        return findAll(Sort.descending("decidedAt", "id")).page(Page.ofSize(limit)).list();
    }

    public List<ReviewDecisionEntity> forJob(UUID jobId) {
        return list("jobId", Sort.by("decidedAt").and("id"), jobId);
    }
}
