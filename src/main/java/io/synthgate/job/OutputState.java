package io.synthgate.job;

/** Where one generated object stands. */
public enum OutputState {
    /** Written to the outbound spool and recorded; not yet accepted by its destination. */
    GENERATED,
    /** Held back until a radiologist approves or rejects it (the experiment requires review). */
    AWAITING_REVIEW,
    /** Approved in review; exported like a GENERATED output. */
    APPROVED,
    /** Rejected in review; never exported, kept in the spool and the database. */
    REJECTED,
    /** Accepted by its destination with a success status. */
    EXPORTED
}
