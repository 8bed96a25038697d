package io.synthgate.study;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Finders for studies. */
@ApplicationScoped
public class StudyRepository implements PanacheRepository<StudyEntity> {

    public Optional<StudyEntity> findByStudyInstanceUid(String studyInstanceUid) {
        return find("studyInstanceUid", studyInstanceUid).firstResultOptional();
    }

    /** Every study's instance count, by Study Instance UID, without loading the entities. */
    public Map<String, Integer> instanceCounts() {
        Map<String, Integer> counts = new HashMap<>();
        getEntityManager().createQuery("select s.studyInstanceUid, s.instanceCount from StudyEntity s", Object[].class)
                .getResultStream().forEach(row -> counts.put((String) row[0], (Integer) row[1]));
        return counts;
    }

    public List<StudyEntity> listNewestFirst(int limit) {
        return findAll(Sort.by("lastReceivedAt").descending()).page(0, limit).list();
    }
}
