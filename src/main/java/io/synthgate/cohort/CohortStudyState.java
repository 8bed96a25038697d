package io.synthgate.cohort;

/** Where one matched study of a cohort stands. */
public enum CohortStudyState {
    /** Matched by the query, not retrieved yet. */
    MATCHED,
    /** Received before (pushed, or pulled by another cohort): not fetched again. */
    ALREADY_RECEIVED,
    /** Its C-MOVE or C-GET is running. */
    RETRIEVING,
    /** Every instance arrived and the study went on to its experiments. */
    RETRIEVED,
    /** The retrieve failed or was incomplete; the reason and the failed instances say why. */
    FAILED
}
