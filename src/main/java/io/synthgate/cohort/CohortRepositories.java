package io.synthgate.cohort;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** Finders for cohorts and their studies. */
final class CohortRepositories {

    private CohortRepositories() {
    }

    @ApplicationScoped
    static class Cohorts implements PanacheRepositoryBase<CohortEntity, UUID> {

        List<CohortEntity> newestFirst(int limit) {
            return findAll(Sort.descending("createdAt")).page(Page.ofSize(limit)).list();
        }

        List<CohortEntity> runningOwnedBy(String owner) {
            return list("owner = ?1 and state in ?2", owner, List.of(CohortState.QUERYING, CohortState.RETRIEVING));
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
