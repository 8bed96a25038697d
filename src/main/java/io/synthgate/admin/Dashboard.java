package io.synthgate.admin;

import io.synthgate.job.JobState;
import io.synthgate.job.JobView;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the dashboard shows, gathered at once: the same numbers {@code /q/metrics} serves.
 *
 * @param listener the DICOM listener
 * @param destinations each destination's state, as the destination watch last saw it
 * @param generators each generator's state and calls today
 * @param budgets each budgeted experiment's images today
 * @param spoolFreeBytes free space on the spool's file system
 * @param jobsByState jobs in each state
 * @param reviewQueue candidates awaiting a verdict
 * @param failures the latest failed jobs with their reasons; empty while the database does not answer
 * @param databaseAnswers whether the database answered as the dashboard was gathered; when not, the counts
 *     are the last ones made and the calls today and the failures are not known
 * @param certificates the configured TLS stores and when their first certificates expire
 * @param at when it was gathered
 */
public record Dashboard(Listener listener, List<PeerState> destinations, List<GeneratorState> generators,
        List<Budget> budgets, long spoolFreeBytes, Map<JobState, Long> jobsByState, long reviewQueue,
        List<JobView> failures, boolean databaseAnswers, List<CertificateExpiryWatch.StoreState> certificates,
        Instant at) {

    /** The DICOM SCP: its AE title and port, whether it accepts, and associations served now. */
    public record Listener(String aeTitle, int port, boolean listening, int openAssociations) {
    }

    /**
     * A destination as the destination watch last saw it.
     *
     * @param state UP, DOWN (unreachable), FULL (it has no room) or UNCONFIRMED (it is to confirm stores
     *        and answers no C-FIND)
     * @param address its AE title, host and port
     * @param problem what keeps exports from it, and since how long; null while UP
     */
    public record PeerState(String name, String state, String address, String problem) {
    }

    /**
     * A generator: UP or DOWN, and how many calls it received today (UTC).
     *
     * @param detail what it is, or its circuit breaker's state
     * @param problem why it is DOWN; null while UP
     */
    public record GeneratorState(String name, String state, String detail, String problem, long callsToday) {
    }

    /** An experiment's daily budget: used today, of its limit. */
    public record Budget(String experiment, long used, int limit) {

        public long left() {
            return Math.max(0, limit - used);
        }
    }

    /** Free spool space in GiB, one decimal. */
    public String spoolFree() {
        return String.format("%.1f GiB", spoolFreeBytes / (1024.0 * 1024 * 1024));
    }
}
