package io.synthgate.study;

import java.util.UUID;

/** What a request to complete a study did. */
public record CompletionResult(Outcome outcome, UUID jobId) {

    /** The three answers to "complete this study". */
    public enum Outcome {
        /** The open job was completed and handed to the pipeline. */
        COMPLETED,
        /** No instance of the study was ever received. */
        UNKNOWN_STUDY,
        /** The study has no open job: every instance already belongs to a completed job. */
        ALREADY_COMPLETE
    }
}
