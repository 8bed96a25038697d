package io.synthgate.cohort;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.synthgate.job.JobState;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A cohort as {@code /api/cohorts} shows it. The matched studies, which carry clinical Study Instance
 * UIDs and accession numbers, are listed to admins only.
 *
 * @param owner the replica running it, or that ran it last
 * @param query the query as asked: its keys and accession numbers
 * @param matched studies the query matched, before {@code limit}
 * @param studies counts by {@link CohortStudyState} of the studies taken (at most {@code limit})
 * @param jobs the retrieved studies' jobs, counted by job state
 * @param studyList each taken study, for admins; absent for others
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CohortView(UUID id, String source, CohortState state, String reason, String owner,
        Map<String, Object> query, List<String> experiments, int limit, boolean dryRun, int matched,
        Map<CohortStudyState, Integer> studies, Map<String, Long> jobs, String createdBy, Instant createdAt,
        Instant updatedAt, List<StudyRow> studyList) {

    /**
     * One matched study.
     *
     * @param status the retrieve's final DICOM status ({@code 0x0000}, {@code 0xA801}, ...)
     * @param failedSopInstances the instances the PACS reported failed
     * @param jobIds the jobs it went into
     */
    public record StudyRow(String studyInstanceUid, String accessionNumber, String studyDate, String modalities,
            Integer expectedInstances, CohortStudyState state, String status, int completed, int failed,
            List<String> failedSopInstances, String reason, List<String> jobIds) {
    }

    /** How many of its studies are in {@code state} (a {@link CohortStudyState} name), for the pages. */
    public int count(String state) {
        return studies.getOrDefault(CohortStudyState.valueOf(state), 0);
    }

    /** How many of its jobs are in {@code state} (a job state name), for the pages. */
    public long jobCount(String state) {
        return jobs.getOrDefault(state, 0L);
    }

    /**
     * Whether the cohort's page has nothing more to wait for: the cohort is not working and none of its jobs
     * is on its way (a job awaiting a mask or a review waits for people, not for the gateway).
     */
    public boolean settled() {
        return !state.isRunning() && jobs.keySet().stream().map(JobState::valueOf)
                .noneMatch(job -> job.isOpen() || job.isResumable());
    }

    /** The query in words: its keys and accession numbers, as asked. */
    public String asked() {
        StringBuilder text = new StringBuilder();
        Object keys = query.get("query");
        if (keys instanceof Map<?, ?> map) {
            map.forEach((key, value) -> text.append(text.length() == 0 ? "" : ", ").append(key).append(" = ")
                    .append(value));
        }
        Object accessions = query.get("accessionNumbers");
        if (accessions instanceof List<?> list && !list.isEmpty()) {
            text.append(text.length() == 0 ? "" : "; ").append(list.size()).append(" accession numbers");
        }
        return text.toString();
    }

    /** The cohort as {@code admin} or not may see it: the matched studies are for admins only. */
    public CohortView shownTo(boolean admin) {
        return admin ? this : withoutStudies();
    }

    /** The same cohort without its study list. */
    public CohortView withoutStudies() {
        return new CohortView(id, source, state, reason, owner, query, experiments, limit, dryRun, matched, studies,
                jobs, createdBy, createdAt, updatedAt, null);
    }
}
