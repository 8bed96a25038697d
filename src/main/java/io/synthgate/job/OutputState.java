package io.synthgate.job;

/** Where one generated object stands. */
public enum OutputState {
    /** Written to the outbound spool and recorded; not yet accepted by its destination. */
    GENERATED,
    /** Accepted by its destination with a success status. */
    EXPORTED
}
