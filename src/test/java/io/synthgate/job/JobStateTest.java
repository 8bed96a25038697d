package io.synthgate.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class JobStateTest {

    @Test
    void aJobMovesForwardFromReceivedToExported() {
        assertTrue(JobState.RECEIVED.canMoveTo(JobState.ASSEMBLING));
        assertTrue(JobState.RECEIVED.canMoveTo(JobState.PROCESSING));
        assertTrue(JobState.ASSEMBLING.canMoveTo(JobState.PROCESSING));
        assertTrue(JobState.PROCESSING.canMoveTo(JobState.GENERATED));
        assertTrue(JobState.GENERATED.canMoveTo(JobState.EXPORTED));
    }

    @Test
    void exportedIsFinal() {
        assertTrue(JobState.EXPORTED.allowedNext().isEmpty());
    }

    @Test
    void everyUnfinishedStateCanFailAndAFailedJobCanOnlyBeRetried() {
        for (JobState state : EnumSet.of(JobState.RECEIVED, JobState.ASSEMBLING, JobState.PROCESSING, JobState.GENERATED,
                JobState.AWAITING_REVIEW)) {
            assertTrue(state.canMoveTo(JobState.FAILED), state + " -> FAILED");
        }
        assertEquals(EnumSet.of(JobState.PROCESSING), JobState.FAILED.allowedNext());
    }

    @Test
    void aReviewedJobGoesBackToExportAndNeverSkipsTheVerdict() {
        assertTrue(JobState.GENERATED.canMoveTo(JobState.AWAITING_REVIEW));
        assertEquals(EnumSet.of(JobState.GENERATED, JobState.FAILED), JobState.AWAITING_REVIEW.allowedNext());
        assertFalse(JobState.AWAITING_REVIEW.isResumable(), "a job awaiting review waits for people, not for a restart");
    }

    @Test
    void aJobAwaitingMasksGoesOnOnlyToProcessingOrFails() {
        assertTrue(JobState.PROCESSING.canMoveTo(JobState.AWAITING_MASK));
        assertEquals(EnumSet.of(JobState.PROCESSING, JobState.FAILED), JobState.AWAITING_MASK.allowedNext());
        assertFalse(JobState.AWAITING_MASK.isResumable(), "a job awaiting masks waits for people, not for a restart");
        assertFalse(JobState.AWAITING_MASK.isOpen(), "its study is complete");
    }

    @Test
    void noStateMovesBackwards() {
        assertFalse(JobState.GENERATED.canMoveTo(JobState.PROCESSING));
        assertFalse(JobState.PROCESSING.canMoveTo(JobState.ASSEMBLING));
        assertFalse(JobState.EXPORTED.canMoveTo(JobState.FAILED));
    }

    @Test
    void onlyCompleteUnfinishedJobsAreResumedOnRestart() {
        for (JobState state : JobState.values()) {
            assertEquals(state == JobState.PROCESSING || state == JobState.GENERATED, state.isResumable(), state.name());
        }
    }
}
