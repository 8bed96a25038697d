package io.synthgate.cohort;

import java.util.List;
import java.util.Map;

/**
 * The body of {@code POST /api/cohorts}.
 *
 * @param source a name under {@code synthgate.sources}
 * @param query patient-free keys, e.g. {@code {"Modality": "CR", "StudyDate": "20240101-20241231"}}
 * @param accessionNumbers instead of, or as well as, a query
 * @param experiments the experiments its studies go through; none: the routing rules decide, as for a
 *        pushed study
 * @param limit most studies retrieved (default 500)
 * @param dryRun only query, and wait with the matches for {@code POST /api/cohorts/{id}/retrieve}
 */
public record CohortRequest(String source, Map<String, String> query, List<String> accessionNumbers,
        List<String> experiments, Integer limit, Boolean dryRun) {
}
