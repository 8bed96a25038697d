package io.synthgate.experiment;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.synthgate.export.DestinationAvailable;
import io.synthgate.export.DestinationWatch;
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
import org.apache.camel.ProducerTemplate;
import org.jboss.logging.Logger;

/**
 * Hands jobs to the experiment routes, each job to one route run at a time. The database is the
 * queue: a job is announced when it commits in PROCESSING, and a periodic sweep hands over every
 * PROCESSING or GENERATED job not in flight, which is how a restart resumes unfinished work. A
 * generated job whose destination is unreachable is left waiting until the destination answers, and a
 * job still processing waits while the spool is down to its free-space floor.
 */
@ApplicationScoped
public class PipelineDispatcher {

    private static final Logger LOG = Logger.getLogger(PipelineDispatcher.class);

    private final ProducerTemplate producer;
    private final JobService jobs;
    private final ExperimentCatalog experiments;
    private final DestinationWatch watch;
    private final Spool spool;
    private final ExecutorService runners;
    private final Set<UUID> inFlight = ConcurrentHashMap.newKeySet();

    public PipelineDispatcher(ProducerTemplate producer, JobService jobs, PipelineConfig config,
            ExperimentCatalog experiments, DestinationWatch watch, Spool spool) {
        this.producer = producer;
        this.jobs = jobs;
        this.experiments = experiments;
        this.watch = watch;
        this.spool = spool;
        this.runners = Executors.newFixedThreadPool(config.concurrency(), runnable -> {
            Thread thread = new Thread(runnable, "pipeline-runner");
            thread.setDaemon(true);
            return thread;
        });
    }

    void onReady(@Observes(during = TransactionPhase.AFTER_SUCCESS) JobReady ready) {
        dispatch(ready.jobId());
    }

    @Scheduled(every = "${synthgate.pipeline.resume-interval:10s}", delay = 2, delayUnit = TimeUnit.SECONDS,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void resumeUnfinished() {
        boolean roomForCopies = spool.hasRoomForCopies();
        for (JobView job : jobs.resumableJobs()) {
            boolean waits = job.state() == JobState.GENERATED ? waitsForDestination(job) : !roomForCopies;
            if (!waits) {
                dispatch(job.id());
            }
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

    void stop(@Observes ShutdownEvent event) {
        runners.shutdownNow();
    }

    private void dispatch(UUID jobId) {
        if (!inFlight.add(jobId)) {
            return;
        }
        runners.execute(() -> {
            String entry = Pipeline.ENTRY;
            try {
                entry = jobs.find(jobId).map(job -> entryFor(job.origin())).orElse(Pipeline.ENTRY);
                producer.sendBody(entry, new JobTicket(jobId));
            } catch (RuntimeException e) {
                LOG.errorf(e, "Job %s could not be handed to %s; the next sweep retries", jobId, entry);
            } finally {
                inFlight.remove(jobId);
            }
        });
    }

    /** The endpoint jobs of {@code origin} enter. */
    private static String entryFor(JobOrigin origin) {
        return origin == JobOrigin.TEXT_RUN ? Pipeline.TEXT_ENTRY : Pipeline.ENTRY;
    }
}
