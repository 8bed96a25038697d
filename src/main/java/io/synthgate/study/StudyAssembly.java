package io.synthgate.study;

import io.quarkus.scheduler.Scheduled;
import io.synthgate.dicom.StudyInstanceUid;
import io.synthgate.job.JobService;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Completes studies that have been idle for {@code synthgate.study.idle-timeout}, except those a
 * cohort's retrieve holds open in this replica. Each sweep first
 * waits for the instances acknowledged so far to be recorded, so an instance still on its way to the
 * database never finds its study's job completed without it.
 */
@ApplicationScoped
public class StudyAssembly {

    private static final Logger LOG = Logger.getLogger(StudyAssembly.class);

    private final StudyService studies;
    private final JobService jobs;
    private final ArrivalRecorder recorder;
    private final StudyConfig config;
    private final Clock clock;
    private final Set<StudyInstanceUid> heldOpen = ConcurrentHashMap.newKeySet();

    public StudyAssembly(StudyService studies, JobService jobs, ArrivalRecorder recorder, StudyConfig config,
            Clock clock) {
        this.studies = studies;
        this.jobs = jobs;
        this.recorder = recorder;
        this.config = config;
        this.clock = clock;
    }

    /**
     * Keeps the idle sweep from completing the study until {@link #release}: a retrieve completes its
     * study itself when the PACS says it has sent everything, however long it pauses between objects.
     */
    public void holdOpen(StudyInstanceUid study) {
        heldOpen.add(study);
    }

    /** Lets the idle sweep complete the study again. */
    public void release(StudyInstanceUid study) {
        heldOpen.remove(study);
    }

    @Scheduled(every = "${synthgate.study.check-interval:2s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void completeIdleStudies() {
        if (!recorder.awaitRecorded()) {
            return;
        }
        Instant cutoff = clock.instant().minus(config.idleTimeout());
        String reason = "no new instance for " + config.idleTimeout();
        for (StudyInstanceUid study : jobs.studiesIdleSince(cutoff)) {
            if (heldOpen.contains(study)) {
                continue;
            }
            studies.completeIfIdle(study, cutoff, reason)
                    .ifPresent(jobId -> LOG.infof("Study %s complete (%s); job %s queued", study, reason, jobId));
        }
    }
}
