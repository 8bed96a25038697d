package io.synthgate.access;

/**
 * The roles users are given ({@code quarkus.security.users.embedded.roles.<user>}, or mapped from the
 * hospital's single sign-on) and every endpoint requires.
 */
public final class Roles {

    /** Operates the gateway: everything, including retries, completing studies and the audits. */
    public static final String ADMIN = "admin";
    /** A radiologist: the review worklist, verdicts and the reports. */
    public static final String REVIEWER = "reviewer";
    /** Runs experiments: text-to-image runs, the reports, and jobs and studies to read. */
    public static final String RESEARCHER = "researcher";
    /** A metrics scraper such as Prometheus: {@code /q/metrics} and nothing else. */
    public static final String METRICS = "metrics";

    private Roles() {
    }
}
