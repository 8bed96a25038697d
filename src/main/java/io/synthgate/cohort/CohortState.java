package io.synthgate.cohort;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** The life of a cohort; {@link #allowedNext()} is its one transition table. */
public enum CohortState {
    /** C-FIND is asking the source for the matching studies. */
    QUERYING,
    /** A dry run's matches, shown with their counts, waiting for {@code POST /api/cohorts/{id}/retrieve}. */
    MATCHED,
    /** Studies are being retrieved, never more at once than the source allows. */
    RETRIEVING,
    /** Every matched study was retrieved, or had been received before. */
    DONE,
    /** The query failed, or some studies could not be retrieved; a retry takes the failed part again. */
    FAILED,
    /** Stopped on request: the studies being retrieved finished, no further one was started. */
    CANCELLED;

    private static final Map<CohortState, Set<CohortState>> TRANSITIONS = Map.of(
            QUERYING, EnumSet.of(MATCHED, RETRIEVING, DONE, FAILED, CANCELLED),
            MATCHED, EnumSet.of(RETRIEVING, CANCELLED),
            RETRIEVING, EnumSet.of(DONE, FAILED, CANCELLED),
            DONE, EnumSet.noneOf(CohortState.class),
            FAILED, EnumSet.of(QUERYING, RETRIEVING),
            CANCELLED, EnumSet.noneOf(CohortState.class));

    public Set<CohortState> allowedNext() {
        return TRANSITIONS.get(this);
    }

    /** Whether the cohort is still working: a replica that restarts takes these up again. */
    public boolean isRunning() {
        return this == QUERYING || this == RETRIEVING;
    }
}
