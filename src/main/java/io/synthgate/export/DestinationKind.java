package io.synthgate.export;

/** What a destination is for; decides what may be sent there. */
public enum DestinationKind {
    /** A research PACS: synthetic objects go here. */
    RESEARCH,
    /** A clinical system: never receives a synthetic object. */
    CLINICAL
}
