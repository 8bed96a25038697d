package io.synthgate.job;

import io.synthgate.failure.ConflictException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Retries the failed jobs at once, of one experiment when given: once a cause they share is fixed (a
 * research PACS told about the gateway at last, a generator's key renewed, space freed), one request
 * instead of one per job. Each job is retried in a transaction of its own, so one that cannot be
 * (retention removed its files) is reported and the others go on.
 */
@ApplicationScoped
public class FailedJobRetries {

    /** The most failed jobs one request retries, the newest first; a second request takes the rest. */
    public static final int MAX_JOBS = 1000;

    private static final Logger LOG = Logger.getLogger(FailedJobRetries.class);

    private final JobService jobs;

    public FailedJobRetries(JobService jobs) {
        this.jobs = jobs;
    }

    /**
     * What one request retried.
     *
     * @param retried the jobs sent through their routes again
     * @param notRetried the failed jobs that could not be, with why
     */
    public record Batch(List<UUID> retried, Map<UUID, String> notRetried) {

        public Batch {
            retried = List.copyOf(retried);
            notRetried = Map.copyOf(notRetried);
        }
    }

    /** Retries up to {@link #MAX_JOBS} FAILED jobs, naming {@code requestedBy} in each one's history. */
    public Batch retryFailed(Optional<String> experiment, String requestedBy) {
        List<UUID> retried = new ArrayList<>();
        Map<UUID, String> notRetried = new LinkedHashMap<>();
        for (JobView job : jobs.list(Optional.of(JobState.FAILED), experiment, MAX_JOBS)) {
            try {
                jobs.retry(job.id(), requestedBy);
                retried.add(job.id());
            } catch (ConflictException e) {
                notRetried.put(job.id(), e.getMessage());
            }
        }
        LOG.infof("%s retried %d failed job%s%s%s", requestedBy, retried.size(), retried.size() == 1 ? "" : "s",
                experiment.map(name -> " of experiment " + name).orElse(""),
                notRetried.isEmpty() ? "" : "; " + notRetried.size() + " could not be");
        return new Batch(retried, notRetried);
    }
}
