package io.synthgate.job;

import io.synthgate.spool.Spool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.util.UUID;
import org.apache.camel.Exchange;
import org.jboss.logging.Logger;

/**
 * Route step {@code spaceWait}, for an I/O failure in a job's route: when the spool is down to its
 * free-space floor, the failure is the full disk, which freeing space cures, so the job keeps its state
 * with a line in its history and the dispatcher hands it back once there is room again (what it wrote
 * before is reused). Any other I/O failure parks the job as FAILED, as {@link JobStep#failed} does.
 */
@ApplicationScoped
@Named("spaceWait")
public class SpaceWaitStep {

    private static final Logger LOG = Logger.getLogger(SpaceWaitStep.class);

    private final Spool spool;
    private final JobService jobs;
    private final JobStep jobStep;

    public SpaceWaitStep(Spool spool, JobService jobs, JobStep jobStep) {
        this.spool = spool;
        this.jobs = jobs;
        this.jobStep = jobStep;
    }

    /** Leaves the job to wait for space when the spool is full, else fails it with the cause. */
    public void awaitOrFail(Exchange exchange) {
        if (spool.hasRoomForCopies()) {
            jobStep.failed(exchange);
            return;
        }
        UUID jobId = JobStep.jobOf(exchange);
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        String reason = cause == null ? "the spool is full" : JobStep.describe(cause);
        jobs.note(jobId, "waits for space: " + reason);
        LOG.warnf("Job %s waits for space in the spool: %s", jobId, reason);
    }
}
