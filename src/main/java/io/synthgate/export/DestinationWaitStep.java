package io.synthgate.export;

import io.synthgate.job.JobService;
import io.synthgate.job.JobStep;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.apache.camel.Exchange;
import org.jboss.logging.Logger;

/**
 * Route step {@code destinationWait}, for an export whose destination is unreachable: the job stays
 * GENERATED with its outputs pending and a line in its history saying what it waits for; the
 * dispatcher hands it back once the destination answers a C-ECHO again, or, for one with no room, to
 * try whether room has been made. Only when {@code synthgate.export.outage-limit} is set and the
 * outage has lasted that long does the job fail. The line is written once however often it waits.
 */
@ApplicationScoped
@Named("destinationWait")
public class DestinationWaitStep {

    private static final Logger LOG = Logger.getLogger(DestinationWaitStep.class);

    private final JobService jobs;
    private final ExportConfig config;

    public DestinationWaitStep(JobService jobs, ExportConfig config) {
        this.jobs = jobs;
        this.config = config;
    }

    /** Parks the exchange's job until its destination answers, or fails it past the outage limit. */
    public void await(Exchange exchange) {
        UUID jobId = JobStep.jobOf(exchange);
        DestinationUnavailableException outage = cause(exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class));
        Optional<Duration> limit = config.outageLimit();
        if (limit.isPresent() && outage.outage().compareTo(limit.get()) >= 0) {
            jobs.fail(jobId, outage.getMessage() + " (for " + outage.outage().toSeconds()
                    + " s; synthgate.export.outage-limit is " + limit.get().toSeconds() + " s)");
            return;
        }
        jobs.noteUnlessLatest(jobId, "export waits: " + outage.getMessage());
        LOG.infof("Job %s: export waits for %s", jobId, outage.destination());
    }

    private static DestinationUnavailableException cause(Throwable caught) {
        for (Throwable cause = caught; cause != null; cause = cause.getCause()) {
            if (cause instanceof DestinationUnavailableException outage) {
                return outage;
            }
        }
        throw new IllegalStateException("destinationWait called without a DestinationUnavailableException", caught);
    }
}
