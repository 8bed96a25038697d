package io.synthgate.cohort;

import io.synthgate.dicom.StudyInstanceUid;
import io.synthgate.study.CompletionHold;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * Holds the studies a retrieving cohort has still to retrieve or is retrieving, as the database says:
 * so the hold outlives a restart of the replica (a study whose retrieve was interrupted is retrieved
 * again before it completes) and every replica's idle sweep sees it.
 */
@ApplicationScoped
public class RetrievesInProgress implements CompletionHold {

    private final CohortRepositories.Studies studies;

    RetrievesInProgress(CohortRepositories.Studies studies) {
        this.studies = studies;
    }

    @Override
    @Transactional
    public boolean holds(StudyInstanceUid study) {
        return studies.getEntityManager().createQuery("select count(s) from CohortStudyEntity s, CohortEntity c"
                + " where c.id = s.cohortId and s.studyInstanceUid = ?1 and s.state in ?2 and c.state = ?3", Long.class)
                .setParameter(1, study.value())
                .setParameter(2, List.of(CohortStudyState.MATCHED, CohortStudyState.RETRIEVING))
                .setParameter(3, CohortState.RETRIEVING).getSingleResult() > 0;
    }
}
