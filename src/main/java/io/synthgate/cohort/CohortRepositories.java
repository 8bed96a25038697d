package io.synthgate.cohort;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Finders for cohorts and their studies. */
final class CohortRepositories {

    private CohortRepositories() {
    }

    @ApplicationScoped
    static class Cohorts implements PanacheRepositoryBase<CohortEntity, UUID> {

        private static final List<CohortState> RUNNING = List.of(CohortState.QUERYING, CohortState.RETRIEVING);

        List<CohortEntity> newestFirst(int limit) {
            return findAll(Sort.descending("createdAt")).page(Page.ofSize(limit)).list();
        }

        List<CohortEntity> runningOwnedBy(String owner) {
            return list("owner = ?1 and state in ?2", owner, RUNNING);
        }

        /** Running cohorts another replica owns whose lease lapsed before {@code now}, or that have none. */
        List<CohortEntity> lapsed(String me, Instant now) {
            return list("owner <> ?1 and state in ?2 and (leaseUntil is null or leaseUntil < ?3)", me, RUNNING, now);
        }
    }

    @ApplicationScoped
    static class Studies implements PanacheRepository<CohortStudyEntity> {

        List<CohortStudyEntity> ofCohort(UUID cohortId) {
            return list("cohortId", Sort.by("studyDate").and("studyInstanceUid"), cohortId);
        }

        List<CohortStudyEntity> inState(UUID cohortId, CohortStudyState state) {
            return list("cohortId = ?1 and state = ?2", Sort.by("studyDate").and("studyInstanceUid"), cohortId, state);
        }
    }
}
