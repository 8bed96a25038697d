package io.synthgate.experiment;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.synthgate.database.DatabaseWatch;
import io.synthgate.database.WhileDatabaseDown;
import io.synthgate.export.DestinationAvailable;
import io.synthgate.export.DestinationWatch;
import io.synthgate.job.JobClaims;
import io.synthgate.job.JobOrigin;
import io.synthgate.job.JobReady;
import io.synthgate.job.JobService;
import io.synthgate.job.JobState;
import io.synthgate.job.JobTicket;
import io.synthgate.job.JobView;
import io.synthgate.pipeline.Experiment;
import io.synthgate.pipeline.Pipeline;
import io.synthgate.pipeline.PipelineConfig;
import io.synthgate.spool.Spool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.camel.ProducerTemplate;
import org.jboss.logging.Logger;

/**
 * Hands jobs to the experiment routes, each job to one route run at a time, on one replica at a time.
 * The database is the queue: a job is announced when it commits in PROCESSING and the replica that
 * committed it claims it ({@link JobClaims}) if it has room; a periodic sweep claims PROCESSING or GENERATED jobs no
 * live replica holds, as many as this replica has room for, which is how a restart, or a replica taking
 * over from one that died, resumes unfinished work. A claim's lease is renewed by a heartbeat while the
 * job waits or runs here, and released when its run ends. A generated job whose destination is
 * unreachable is left waiting until the destination answers, and a job still processing waits while the
 * spool is down to its free-space floor.
 */
@ApplicationScoped
public class PipelineDispatcher {

    private static final Logger LOG = Logger.getLogger(PipelineDispatcher.class);

    private final ProducerTemplate producer;
    private final JobService jobs;
    private final ExperimentCatalog experiments;
    private final DestinationWatch watch;
    private final Spool spool;
    private final JobClaims claims;
    private final DatabaseWatch database;
    private final ExecutorService runners;
    /** Claimed jobs running or queued here; the heartbeat renews exactly these. */
    private final Set<UUID> inFlight = ConcurrentHashMap.newKeySet();
    /** Most jobs a sweep lets this replica hold at once, so replicas sweeping together share the work. */
    private final int sweepLimit;
    private final AtomicBoolean sweeping = new AtomicBoolean();
    /** Whether the last sweep left claimable jobs behind for want of room: a run that ends sweeps again. */
    private volatile boolean leftBehind;

    public PipelineDispatcher(ProducerTemplate producer, JobService jobs, JobClaims claims, PipelineConfig config,
            ExperimentCatalog experiments, DestinationWatch watch, Spool spool, DatabaseWatch database) {
        this.producer = producer;
        this.jobs = jobs;
        this.claims = claims;
        this.database = database;
        this.sweepLimit = 2 * config.concurrency();
        this.experiments = experiments;
        this.watch = watch;
        this.spool = spool;
        this.runners = Executors.newFixedThreadPool(config.concurrency(), runnable -> {
            Thread thread = new Thread(runnable, "pipeline-runner");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * A job this replica made ready runs here, unless another replica claimed it first or this one holds as
     * many jobs as a sweep would let it: then the job waits in the database for the sweep of whichever replica
     * has room first. Whichever replica's idle check completes a study makes its job ready, so without that
     * limit one replica could complete, and queue, every study while another stands idle.
     */
    void onReady(@Observes(during = TransactionPhase.AFTER_SUCCESS) JobReady ready) {
        UUID jobId = ready.jobId();
        if (inFlight.size() >= sweepLimit) {
            leftBehind = true;
            return;
        }
        if (!inFlight.add(jobId)) {
            return;
        }
        boolean claimed = false;
        try {
            claimed = claims.claimToRun(jobId);
        } catch (RuntimeException e) {
            LOG.warnf("Job %s could not be claimed (%s); the next sweep tries again", jobId, e.getMessage());
        }
        if (claimed) {
            run(jobId);
        } else {
            inFlight.remove(jobId);
        }
    }

    @Scheduled(every = "${synthgate.pipeline.resume-interval:10s}", delay = 2, delayUnit = TimeUnit.SECONDS,
            skipExecutionIf = WhileDatabaseDown.class)
    void resumeUnfinished() {
        if (!sweeping.compareAndSet(false, true)) {
            return;
        }
        try {
            int room = sweepLimit - inFlight.size();
            boolean roomForCopies = spool.hasRoomForCopies();
            List<UUID> candidates = jobs.resumableJobs(claims.owner()).stream()
                    .filter(job -> !inFlight.contains(job.id()))
                    .filter(job -> job.state() == JobState.GENERATED ? !waitsForDestination(job) : roomForCopies)
                    .map(JobView::id).toList();
            List<JobClaims.Claimed> claimed = claims.claimSome(candidates, room);
            leftBehind = candidates.size() > claimed.size();
            for (JobClaims.Claimed claim : claimed) {
                claim.takenOverFrom().ifPresent(previous -> noteTakeover(claim.jobId(), previous));
                if (inFlight.add(claim.jobId())) {
                    run(claim.jobId());
                }
            }
        } finally {
            sweeping.set(false);
        }
    }

    private void noteTakeover(UUID jobId, String previous) {
        String text = "replica " + claims.owner() + " took the job over from replica " + previous
                + ", whose claim had lapsed (it stopped, or stalled past its lease); it resumes where it stopped";
        LOG.infof("Job %s: %s", jobId, text);
        jobs.note(jobId, text);
    }

    /**
     * Renews the leases of the jobs running or queued here. A replica that stops renewing (it died, or
     * stalled longer than the lease) loses its jobs to the next replica that sweeps.
     */
    @Scheduled(every = "${synthgate.replica.heartbeat-interval:15s}", delay = 5, delayUnit = TimeUnit.SECONDS,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = WhileDatabaseDown.class)
    void heartbeat() {
        List<UUID> lost = claims.renew(Set.copyOf(inFlight));
        if (!lost.isEmpty()) {
            LOG.warnf("Another replica took over jobs %s that run here, after this one missed its heartbeats (a pause "
                    + "longer than synthgate.replica.lease); their runs here may repeat work", lost);
        }
    }

    /** Exports waiting for the destination that answers again resume now, not at the next sweep. */
    void onDestinationAvailable(@Observes DestinationAvailable available) {
        resumeUnfinished();
    }

    /**
     * Whether a generated job's export would only find a destination still unreachable: it is left
     * alone until the watch sees the destination answer, or until the outage limit, if one is set, is
     * reached and the export fails it.
     */
    private boolean waitsForDestination(JobView job) {
        List<String> names = job.experiment() == null ? List.of()
                : experiments.find(job.experiment()).map(Experiment::destinations).orElse(List.of());
        return watch.exportWouldWait(names);
    }

    /** Stops the runners; the jobs claimed but not yet started are released for the other replicas at once. */
    void stop(@Observes ShutdownEvent event) {
        for (Runnable neverStarted : runners.shutdownNow()) {
            if (neverStarted instanceof JobRun queued) {
                release(queued.jobId);
            }
        }
    }

    /** Runs a job this replica holds the claim on, and releases the claim when the run ends. */
    private void run(UUID jobId) {
        runners.execute(new JobRun(jobId));
    }

    /** One run of a job on a runner thread; a class of its own, so a stop can release the runs never started. */
    private final class JobRun implements Runnable {

        private final UUID jobId;

        JobRun(UUID jobId) {
            this.jobId = jobId;
        }

        @Override
        public void run() {
            String entry = Pipeline.ENTRY;
            try {
                entry = jobs.find(jobId).map(job -> entryFor(job.origin())).orElse(Pipeline.ENTRY);
                producer.sendBody(entry, new JobTicket(jobId));
            } catch (RuntimeException e) {
                if (database.answers()) {
                    LOG.errorf(e, "Job %s could not be handed to %s; the next sweep retries", jobId, entry);
                } else {
                    // the route's error handling has logged the cause; the database's outage is logged once
                    LOG.warnf("Job %s stopped in %s as the database does not answer; the first sweep after it "
                            + "answers resumes it", jobId, entry);
                }
            } finally {
                release(jobId);
            }
            if (leftBehind) {
                resumeUnfinished();
            }
        }
    }

    private void release(UUID jobId) {
        try {
            claims.release(jobId);
        } catch (RuntimeException e) {
            LOG.warnf("The claim on job %s could not be released (%s); it lapses with its lease", jobId, e.getMessage());
        } finally {
            inFlight.remove(jobId);
        }
    }

    /** The endpoint jobs of {@code origin} enter. */
    private static String entryFor(JobOrigin origin) {
        return origin == JobOrigin.TEXT_RUN ? Pipeline.TEXT_ENTRY : Pipeline.ENTRY;
    }
}
