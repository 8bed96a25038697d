package io.synthgate.study;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/** Finders for studies. */
@ApplicationScoped
public class StudyRepository implements PanacheRepository<StudyEntity> {

    public Optional<StudyEntity> findByStudyInstanceUid(String studyInstanceUid) {
        return find("studyInstanceUid", studyInstanceUid).firstResultOptional();
    }

    public List<StudyEntity> listNewestFirst(int limit) {
        return findAll(Sort.by("lastReceivedAt").descending()).page(0, limit).list();
    }
}
