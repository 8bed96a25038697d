package io.synthgate.readerstudy;

/** Where an image of a reading set comes from, and what a reader says it comes from. */
public enum Origin {
    /** A de-identified original, as acquired. */
    REAL,
    /** A candidate a generator made. */
    SYNTHETIC
}
