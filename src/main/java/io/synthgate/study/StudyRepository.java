package io.synthgate.study;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.LocalDate;
import java.time.ZoneOffset;
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

    /**
     * The study's row, locked for writing until the transaction ends: how replicas sharing the database
     * take turns on one study.
     */
    public Optional<StudyEntity> lockByStudyInstanceUid(String studyInstanceUid) {
        return find("studyInstanceUid", studyInstanceUid).withLock(LockModeType.PESSIMISTIC_WRITE).singleResultOptional();
    }

    /** Every study's instance count, by Study Instance UID, without loading the entities. */
    public Map<String, Integer> instanceCounts() {
        Map<String, Integer> counts = new HashMap<>();
        getEntityManager().createQuery("select s.studyInstanceUid, s.instanceCount from StudyEntity s", Object[].class)
                .getResultStream().forEach(row -> counts.put((String) row[0], (Integer) row[1]));
        return counts;
    }

    /**
     * The newest studies received on {@code day} (UTC) with an instance of {@code modality} from
     * {@code callingAe}, each filter applied only when given: fields that name no patient.
     */
    public List<StudyEntity> search(Optional<LocalDate> day, Optional<String> modality, Optional<String> callingAe,
            int limit) {
        StringBuilder query = new StringBuilder("1 = 1");
        Map<String, Object> parameters = new HashMap<>();
        day.ifPresent(value -> {
            query.append(" and lastReceivedAt >= :from and firstReceivedAt < :to");
            parameters.put("from", value.atStartOfDay().toInstant(ZoneOffset.UTC));
            parameters.put("to", value.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC));
        });
        if (modality.isPresent() || callingAe.isPresent()) {
            query.append(" and exists (select 1 from InstanceEntity i where i.studyId = id");
            modality.ifPresent(value -> {
                query.append(" and i.modality = :modality");
                parameters.put("modality", value);
            });
            callingAe.ifPresent(value -> {
                query.append(" and i.callingAe = :callingAe");
                parameters.put("callingAe", value);
            });
            query.append(")");
        }
        return find(query.toString(), Sort.by("lastReceivedAt").descending(), parameters).page(0, limit).list();
    }
}
