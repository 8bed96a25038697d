package io.synthgate.job;

/** What a job was made from, which decides the route it enters. */
public enum JobOrigin {
    /** A study received over C-STORE. */
    STUDY,
    /** One prompt of a text-to-image run started from the REST API. */
    TEXT_RUN
}
