package io.synthgate.job;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The life of a job. {@link #allowedNext()} is the single transition table: every state change goes
 * through {@link JobService}, which refuses any move not listed here.
 */
public enum JobState {
    /** The study's first instance of this job is stored; more may follow. */
    RECEIVED,
    /** Further instances arrived; the study completes on idle timeout or on request. */
    ASSEMBLING,
    /** The study is complete and the experiment's route is generating outputs. */
    PROCESSING,
    /**
     * The experiment's mask is drawn by a researcher per image ({@code expert}): the job waits until
     * every image has one and a researcher sends it on.
     */
    AWAITING_MASK,
    /** Every output is written to the spool and recorded; export is pending. */
    GENERATED,
    /** Outputs wait for a radiologist's verdict; the job goes on once every one is decided. */
    AWAITING_REVIEW,
    /** Every output was accepted by its destination. Final. */
    EXPORTED,
    /** Stopped with a reason; an admin may retry it. */
    FAILED,
    /**
     * The study is complete, but no enabled experiment's routing rule takes it: recorded, not failed.
     * A retry routes it again, under the rules configured then.
     */
    UNMATCHED;

    private static final Map<JobState, Set<JobState>> TRANSITIONS = Map.of(
            RECEIVED, EnumSet.of(ASSEMBLING, PROCESSING, FAILED),
            ASSEMBLING, EnumSet.of(PROCESSING, FAILED),
            PROCESSING, EnumSet.of(AWAITING_MASK, GENERATED, FAILED, UNMATCHED),
            AWAITING_MASK, EnumSet.of(PROCESSING, FAILED),
            GENERATED, EnumSet.of(AWAITING_REVIEW, EXPORTED, FAILED),
            AWAITING_REVIEW, EnumSet.of(GENERATED, FAILED),
            EXPORTED, EnumSet.noneOf(JobState.class),
            FAILED, EnumSet.of(PROCESSING),
            UNMATCHED, EnumSet.of(PROCESSING));

    public Set<JobState> allowedNext() {
        return TRANSITIONS.get(this);
    }

    public boolean canMoveTo(JobState next) {
        return allowedNext().contains(next);
    }

    /** Still collecting instances: new arrivals of the study join a job in this state. */
    public boolean isOpen() {
        return this == RECEIVED || this == ASSEMBLING;
    }

    /** Complete but not finished: a restart hands these back to the pipeline (a job awaiting a mask or a review waits for people). */
    public boolean isResumable() {
        return this == PROCESSING || this == GENERATED;
    }
}
