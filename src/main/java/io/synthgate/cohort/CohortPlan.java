package io.synthgate.cohort;

import java.util.List;

/**
 * What a cohort runner needs to know of a cohort: where it pulls from, where it stands and what its
 * studies go through.
 *
 * @param experiments none: the routing rules decide
 */
record CohortPlan(String source, CohortState state, List<String> experiments, boolean dryRun) {

    CohortPlan {
        experiments = List.copyOf(experiments);
    }
}
