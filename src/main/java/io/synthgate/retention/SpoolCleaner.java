package io.synthgate.retention;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.synthgate.database.WhileDatabaseDown;
import io.synthgate.deid.Pseudonyms;
import io.synthgate.job.JobClaims;
import io.synthgate.job.JobOrigin;
import io.synthgate.job.JobService;
import io.synthgate.job.JobState;
import io.synthgate.job.JobView;
import io.synthgate.spool.Spool;
import io.synthgate.study.SourceInstance;
import io.synthgate.study.StudyService;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * Removes what finished jobs no longer need, on a schedule. A job that is EXPORTED (after
 * {@code after-export}), UNMATCHED (after {@code unmatched}) or FAILED (after {@code failed}) loses its
 * synthetic copies; once every job on the same received instances has gone that way, the instances'
 * originals (names and IDs included) and de-identified copies go too. A job still running, waiting
 * for review or a destination, or failed and still retryable keeps everything. Each removal is a line
 * in the job's history and a count in {@code synthgate_retention_removed_files_total}; the job keeps
 * its record and can no longer be retried.
 */
@ApplicationScoped
public class SpoolCleaner {

    private static final Logger LOG = Logger.getLogger(SpoolCleaner.class);
    /** Jobs handled per state and run, so one run stays short; the next run takes the rest. */
    private static final int BATCH = 200;

    private final RetentionConfig config;
    private final JobService jobs;
    private final JobClaims claims;
    private final StudyService studies;
    private final Pseudonyms pseudonyms;
    private final Spool spool;
    private final Clock clock;
    private final MeterRegistry registry;

    public SpoolCleaner(RetentionConfig config, JobService jobs, JobClaims claims, StudyService studies,
            Pseudonyms pseudonyms, Spool spool, Clock clock, MeterRegistry registry) {
        this.config = config;
        this.jobs = jobs;
        this.claims = claims;
        this.studies = studies;
        this.pseudonyms = pseudonyms;
        this.spool = spool;
        this.clock = clock;
        this.registry = registry;
    }

    @Scheduled(every = "${synthgate.retention.check-interval:1m}", delay = 10, delayUnit = TimeUnit.SECONDS,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = WhileDatabaseDown.class)
    void clean() {
        Instant now = clock.instant();
        for (Map.Entry<JobState, Duration> kept : Map.of(JobState.EXPORTED, config.afterExport(),
                JobState.UNMATCHED, config.unmatched(), JobState.FAILED, config.failed()).entrySet()) {
            for (JobView job : jobs.finishedWithFilesKept(kept.getKey(), now.minus(kept.getValue()), BATCH)) {
                try {
                    removeClaimed(job);
                } catch (IOException | RuntimeException e) {
                    LOG.warnf("Retention could not remove the files of job %s; the next run tries again: %s", job.id(),
                            e.getMessage());
                }
            }
        }
    }

    /**
     * Removes the job's files under a claim on it, so that of replicas sweeping together one removes
     * them and records it, and a retry waits until it is done; a job another replica holds, or whose
     * files went meanwhile, is passed over.
     */
    private void removeClaimed(JobView job) throws IOException {
        if (!claims.claimToClean(job.id())) {
            return;
        }
        try {
            remove(job);
        } finally {
            claims.release(job.id());
        }
    }

    /**
     * Removes the job's synthetic copies, then its instances' files if no other job still needs them,
     * and only then marks the job's files removed: a job so marked has nothing left in the spool, and a
     * removal that failed half-way is tried again at the next run.
     */
    void remove(JobView job) throws IOException {
        Removed synthetic = removeTree(spool.outbound().resolve(job.id().toString()));
        count("synthetic", synthetic);
        if (job.origin() == JobOrigin.STUDY && !othersNeedTheInstances(job)) {
            removeInstances(job, synthetic);
        }
        jobs.filesRemoved(job.id(), "retention removed the job's synthetic copies (" + synthetic + ")");
    }

    private boolean othersNeedTheInstances(JobView job) {
        return jobs.sharingInstancesOf(job.instancesOf()).stream()
                .anyMatch(other -> other.filesRemovedAt() == null && !other.id().equals(job.id()));
    }

    private void removeInstances(JobView job, Removed synthetic) throws IOException {
        Removed originals = new Removed();
        Removed deidentified = new Removed();
        for (SourceInstance instance : studies.instancesOfJob(job.instancesOf())) {
            originals.add(instance.file());
            deidentified.add(spool.deidentified().resolve(pseudonyms.uid(instance.study().value()))
                    .resolve(pseudonyms.uid(instance.sopInstanceUid().value()) + ".dcm"));
        }
        count("original", originals);
        count("deidentified", deidentified);
        jobs.note(job.id(), "retention removed the received originals (" + originals + ") and their de-identified"
                + " copies (" + deidentified + ")");
        LOG.infof("Retention removed the files of job %s: received originals (%s), de-identified copies (%s),"
                + " synthetic copies (%s)", job.id(), originals, deidentified, synthetic);
    }

    private void count(String kind, Removed removed) {
        Counter.builder("synthgate.retention.removed.files").tag("kind", kind)
                .description("Files retention removed from the spool, by kind").register(registry)
                .increment(removed.files);
    }

    private static Removed removeTree(Path folder) throws IOException {
        Removed removed = new Removed();
        if (!Files.isDirectory(folder)) {
            return removed;
        }
        List<Path> files = new ArrayList<>();
        try (Stream<Path> listed = Files.list(folder)) {
            listed.forEach(files::add);
        }
        for (Path file : files) {
            removed.add(file);
        }
        Files.deleteIfExists(folder);
        return removed;
    }

    /** Files removed and their bytes, as a history line shows them. */
    private static final class Removed {
        private long files;
        private long bytes;

        void add(Path file) throws IOException {
            if (Files.isRegularFile(file)) {
                long size = Files.size(file);
                if (Files.deleteIfExists(file)) {
                    files++;
                    bytes += size;
                }
            }
        }

        @Override
        public String toString() {
            return files + (files == 1 ? " file, " : " files, ") + bytes / 1024 + " KiB";
        }
    }
}
