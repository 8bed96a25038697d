package io.synthgate.study;

import io.quarkus.scheduler.Scheduled;
import io.synthgate.database.WhileDatabaseDown;
import io.synthgate.dicom.StudyInstanceUid;
import io.synthgate.job.JobService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.time.Clock;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Completes studies that have been idle for {@code synthgate.study.idle-timeout}, except those a
 * {@link CompletionHold} keeps for whoever completes them. Each sweep first waits for the instances
 * acknowledged so far to be recorded, so an instance still on its way to the database never finds its
 * study's job completed without it.
 */
@ApplicationScoped
public class StudyAssembly {

    private static final Logger LOG = Logger.getLogger(StudyAssembly.class);

    private final StudyService studies;
    private final JobService jobs;
    private final ArrivalRecorder recorder;
    private final StudyConfig config;
    private final Clock clock;
    private final Instance<CompletionHold> holds;

    public StudyAssembly(StudyService studies, JobService jobs, ArrivalRecorder recorder, StudyConfig config,
            Clock clock, Instance<CompletionHold> holds) {
        this.holds = holds;
        this.studies = studies;
        this.jobs = jobs;
        this.recorder = recorder;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(every = "${synthgate.study.check-interval:2s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = WhileDatabaseDown.class)
    void completeIdleStudies() {
        if (!recorder.awaitRecorded()) {
            return;
        }
        Instant cutoff = clock.instant().minus(config.idleTimeout());
        String reason = "no new instance for " + config.idleTimeout();
        for (StudyInstanceUid study : jobs.studiesIdleSince(cutoff)) {
            if (holds.stream().anyMatch(hold -> hold.holds(study))) {
                continue;
            }
            studies.completeIfIdle(study, cutoff, reason)
                    .ifPresent(jobId -> LOG.infof("Study %s complete (%s); job %s queued", study, reason, jobId));
        }
    }
}
