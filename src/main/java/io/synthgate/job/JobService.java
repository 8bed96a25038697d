package io.synthgate.job;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.synthgate.dicom.StudyInstanceUid;
import io.synthgate.failure.ConflictException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * The only writer of job state. Each change is checked against {@link JobState#allowedNext()},
 * stored with its time and reason, and recorded as a {@link JobEventEntity}. A job that becomes ready
 * for its pipeline is announced with a {@link JobReady} event once the transaction commits.
 */
@ApplicationScoped
@Transactional
public class JobService {

    private static final Logger LOG = Logger.getLogger(JobService.class);
    private static final int REASON_LIMIT = 2000;

    private final JobRepository jobs;
    private final JobEventRepository events;
    private final Event<JobReady> ready;
    private final Clock clock;
    private final MeterRegistry registry;

    public JobService(JobRepository jobs, JobEventRepository events, Event<JobReady> ready, Clock clock,
            MeterRegistry registry) {
        this.registry = registry;
        this.jobs = jobs;
        this.events = events;
        this.ready = ready;
        this.clock = clock;
    }

    /**
     * Attaches newly stored instances of one study, the last of which arrived at {@code lastArrival},
     * to the study's open job, opening a job when there is none (the first instances, or ones arriving
     * after the study's earlier job completed). Runs inside the caller's transaction so the instance
     * rows and the job change commit together.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID attachArrivals(StudyInstanceUid study, int count, Instant lastArrival) {
        JobEntity job = jobs.findOpenForStudy(study.value()).orElseGet(() -> {
            Instant now = clock.instant();
            JobEntity created = new JobEntity();
            created.id = UUID.randomUUID();
            created.studyInstanceUid = study.value();
            created.state = JobState.RECEIVED;
            created.createdAt = now;
            created.updatedAt = now;
            created.lastInstanceAt = lastArrival;
            jobs.persist(created);
            record(created.id, null, JobState.RECEIVED, "first instance stored");
            return created;
        });
        job.instanceCount += count;
        if (lastArrival.isAfter(job.lastInstanceAt)) {
            job.lastInstanceAt = lastArrival;
        }
        if (job.state == JobState.RECEIVED && job.instanceCount > 1) {
            move(job, JobState.ASSEMBLING, "more instances arrived");
        }
        return job.id;
    }

    /**
     * Opens a job for one prompt of a text-to-image run and hands it to the pipeline at once; its
     * outputs will form {@code syntheticStudy}. Joins the caller's transaction, so the run's rows
     * and its jobs commit together.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID startTextRunJob(StudyInstanceUid syntheticStudy, String experiment, String reason) {
        Instant now = clock.instant();
        JobEntity job = new JobEntity();
        job.id = UUID.randomUUID();
        job.studyInstanceUid = syntheticStudy.value();
        job.experiment = experiment;
        job.origin = JobOrigin.TEXT_RUN;
        job.state = JobState.RECEIVED;
        job.createdAt = now;
        job.updatedAt = now;
        job.lastInstanceAt = now;
        jobs.persist(job);
        record(job.id, null, JobState.RECEIVED, reason);
        move(job, JobState.PROCESSING, reason);
        return job.id;
    }

    /** Completes the study's open job, if it has one, and hands it to the pipeline. */
    public Optional<UUID> completeOpenJob(StudyInstanceUid study, String reason) {
        return jobs.findOpenForStudy(study.value()).map(job -> {
            move(job, JobState.PROCESSING, reason);
            return job.id;
        });
    }

    /**
     * Completes the study's open job only if it has had no new instance since {@code cutoff}; the
     * check and the change happen in one transaction so a late arrival is never cut off.
     */
    public Optional<UUID> completeOpenJobIfIdle(StudyInstanceUid study, Instant cutoff, String reason) {
        return jobs.findOpenForStudy(study.value())
                .filter(job -> !job.lastInstanceAt.isAfter(cutoff))
                .map(job -> {
                    move(job, JobState.PROCESSING, reason);
                    return job.id;
                });
    }

    /** Studies whose open job has had no new instance since {@code cutoff}. */
    public List<StudyInstanceUid> studiesIdleSince(Instant cutoff) {
        return jobs.listOpenIdleSince(cutoff).stream().map(job -> new StudyInstanceUid(job.studyInstanceUid)).toList();
    }

    /**
     * Gives a completed study's job the experiments its routing rules chose: the job runs the first,
     * and a job is opened for each further one, on the same instances, ready for its route at once. One
     * transaction, so a crash leaves either no choice made or all of it.
     *
     * @return the jobs opened for the further experiments, in their order
     */
    public List<UUID> route(UUID jobId, List<String> experiments) {
        return assign(jobId, experiments, "the routing rules");
    }

    /**
     * As {@link #route}, for experiments chosen by {@code chooser} (a cohort that names its experiments,
     * say) rather than by the routing rules.
     */
    public List<UUID> assign(UUID jobId, List<String> experiments, String chooser) {
        if (experiments.isEmpty()) {
            throw new IllegalArgumentException("A job is routed to at least one experiment");
        }
        JobEntity job = require(jobId);
        if (job.experiment != null) {
            throw new ConflictException("Job " + jobId + " already runs experiment '" + job.experiment + "'");
        }
        job.experiment = experiments.get(0);
        String together = chooser + " gave study " + job.studyInstanceUid + " to experiments " + experiments;
        record(job.id, job.state, job.state, together + "; this job runs '" + job.experiment + "'");
        List<UUID> opened = new ArrayList<>();
        for (String experiment : experiments.subList(1, experiments.size())) {
            Instant now = clock.instant();
            JobEntity beside = new JobEntity();
            beside.id = UUID.randomUUID();
            beside.studyInstanceUid = job.studyInstanceUid;
            beside.experiment = experiment;
            beside.instancesOf = job.instancesOf == null ? job.id : job.instancesOf;
            beside.instanceCount = job.instanceCount;
            beside.state = JobState.RECEIVED;
            beside.createdAt = now;
            beside.updatedAt = now;
            beside.lastInstanceAt = job.lastInstanceAt;
            jobs.persist(beside);
            record(beside.id, null, JobState.RECEIVED, together + "; opened beside job " + job.id + " for '"
                    + experiment + "'");
            move(beside, JobState.PROCESSING, "the study is complete");
            opened.add(beside.id);
        }
        return opened;
    }

    /** Records that no enabled experiment's rule takes the job's study: the job ends UNMATCHED, not failed. */
    public void unmatched(UUID jobId, String reason) {
        move(require(jobId), JobState.UNMATCHED, reason);
    }

    /** Moves a job to {@code next}; refuses a transition the table does not allow. */
    public void transition(UUID jobId, JobState next, String reason) {
        move(require(jobId), next, reason);
    }

    /** Parks a job in {@link JobState#FAILED} with a reason an admin can act on. */
    public void fail(UUID jobId, String reason) {
        JobEntity job = require(jobId);
        if (job.state == JobState.FAILED || job.state == JobState.EXPORTED) {
            LOG.warnf("Job %s is already %s; not failing it again (%s)", jobId, job.state, reason);
            return;
        }
        move(job, JobState.FAILED, reason);
    }

    /**
     * Sends a failed job through its pipeline again, outputs already written reused; or an unmatched
     * one through the routing rules again.
     */
    public void retry(UUID jobId, String requestedBy) {
        JobEntity job = require(jobId);
        if (job.filesRemovedAt != null) {
            throw new ConflictException("Job " + jobId + " cannot be retried: retention removed its files at "
                    + job.filesRemovedAt);
        }
        String holder = toView(job).owner();
        if (holder != null) {
            throw new ConflictException("Job " + jobId + " cannot be retried yet: replica " + holder
                    + " holds it (retention is removing its files); try again shortly");
        }
        move(job, JobState.PROCESSING, "retry requested by " + requestedBy);
    }

    /**
     * Finished jobs whose files retention may remove now: in {@code state} (EXPORTED, FAILED or
     * UNMATCHED), unchanged since {@code cutoff}, their files still kept.
     */
    public List<JobView> finishedWithFilesKept(JobState state, Instant cutoff, int limit) {
        return jobs.listKeptFilesSince(state, cutoff, limit).stream().map(this::toView).toList();
    }

    /** The job that collected {@code collector}'s instances and every job opened on the same instances. */
    public List<JobView> sharingInstancesOf(UUID collector) {
        return jobs.listSharingInstancesOf(collector).stream().map(this::toView).toList();
    }

    /** Records that retention removed the job's files: a line in its history, and no retry from now on. */
    public void filesRemoved(UUID jobId, String what) {
        JobEntity job = require(jobId);
        job.filesRemovedAt = clock.instant();
        record(jobId, job.state, job.state, what);
    }

    /** The jobs among {@code ids} that exist, with the jobs opened beside them for further experiments. */
    public List<JobView> findWithBeside(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jobs.list("id in ?1 or instancesOf in ?1", ids).stream().map(this::toView).toList();
    }

    public Optional<JobView> find(UUID jobId) {
        return jobs.findByIdOptional(jobId).map(this::toView);
    }

    public List<JobView> listRecent(int limit) {
        return list(Optional.empty(), Optional.empty(), limit);
    }

    /** The experiment filter a request parameter names: none when it is absent or blank. */
    public static Optional<String> experimentFilter(String parameter) {
        return parameter == null || parameter.isBlank() ? Optional.empty() : Optional.of(parameter.strip());
    }

    /** The newest jobs, narrowed to a state and an experiment when given. */
    public List<JobView> list(Optional<JobState> state, Optional<String> experiment, int limit) {
        return jobs.listNewestFirst(state, experiment, limit).stream().map(this::toView).toList();
    }

    /** Jobs in {@code state}, the most recently changed first. */
    public List<JobView> listInState(JobState state, int limit) {
        return jobs.listInState(state, limit).stream().map(this::toView).toList();
    }

    /** Jobs an experiment's route took, newest first. */
    public List<JobView> listForExperiment(String experiment, int limit) {
        return jobs.listForExperiment(experiment, limit).stream().map(this::toView).toList();
    }

    public List<JobView> listForStudy(StudyInstanceUid study) {
        return jobs.listForStudy(study.value()).stream().map(this::toView).toList();
    }

    /**
     * Jobs a restart, a missed hand-off or a replica that died left complete but unfinished: those no
     * replica but {@code owner} holds a live claim on.
     */
    public List<JobView> resumableJobs(String owner) {
        return jobs.listResumable(owner, clock.instant()).stream().map(this::toView).toList();
    }

    public List<JobEventView> history(UUID jobId) {
        return events.listForJob(jobId).stream()
                .map(e -> new JobEventView(e.fromState, e.toState, e.reason, e.at))
                .toList();
    }

    private JobEntity require(UUID jobId) {
        return jobs.findByIdOptional(jobId)
                .orElseThrow(() -> new IllegalArgumentException("No job " + jobId));
    }

    private void move(JobEntity job, JobState next, String reason) {
        if (!job.state.canMoveTo(next)) {
            throw new ConflictException("Job " + job.id + " cannot move from " + job.state + " to " + next);
        }
        JobState previous = job.state;
        String bounded = reason == null ? null : line(reason);
        job.state = next;
        job.reason = bounded;
        job.updatedAt = clock.instant();
        record(job.id, previous, next, bounded);
        if (previous.isResumable() && !next.isResumable()) {
            // The run that held the job ends here; its replica's release would come a moment later.
            jobs.clearClaim(job.id);
        }
        if (next == JobState.PROCESSING) {
            ready.fire(new JobReady(job.id));
        }
        if (next == JobState.EXPORTED || next == JobState.FAILED) {
            timeRun(job, next);
        }
        if (next == JobState.FAILED) {
            LOG.warnf("Job %s failed: %s", job.id, bounded);
        } else {
            LOG.debugf("Job %s %s -> %s (%s)", job.id, previous, next, bounded);
        }
    }

    /**
     * Times the run that just ended, from when the job last entered PROCESSING (a review's wait
     * included), in {@code synthgate_job_duration_seconds} by experiment and outcome.
     */
    private void timeRun(JobEntity job, JobState outcome) {
        events.lastEntryInto(job.id, JobState.PROCESSING).ifPresent(started -> Timer.builder("synthgate.job.duration")
                .tag("experiment", String.valueOf(job.experiment)).tag("outcome", outcome.name())
                .description("From a job's start of processing to its export or failure")
                .publishPercentileHistogram().register(registry)
                .record(Duration.between(started, job.updatedAt)));
    }

    /** How many jobs are in each state; states without jobs are left out. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<JobState, Long> countByState() {
        return jobs.countByState();
    }

    /** Adds a line to the job's history without changing its state: something a route decided about it. */
    public void note(UUID jobId, String text) {
        JobEntity job = jobs.findById(jobId);
        if (job == null) {
            throw new IllegalArgumentException("No job " + jobId);
        }
        record(jobId, job.state, job.state, line(text));
    }

    /**
     * Adds a line as {@link #note} does, unless it is the job's latest line already: a wait that is tried
     * again and again says so once, not once a try.
     */
    public void noteUnlessLatest(UUID jobId, String text) {
        if (events.latestReason(jobId).filter(line(text)::equals).isEmpty()) {
            note(jobId, text);
        }
    }

    /** The text as a history line stores it: at most {@code REASON_LIMIT} characters. */
    private static String line(String text) {
        return text.length() <= REASON_LIMIT ? text : text.substring(0, REASON_LIMIT);
    }

    private void record(UUID jobId, JobState from, JobState to, String reason) {
        JobEventEntity event = new JobEventEntity();
        event.jobId = jobId;
        event.fromState = from;
        event.toState = to;
        event.reason = reason;
        event.at = clock.instant();
        events.persist(event);
    }

    private JobView toView(JobEntity job) {
        boolean held = job.owner != null && job.leaseUntil != null && job.leaseUntil.isAfter(clock.instant());
        return new JobView(job.id, job.studyInstanceUid, job.experiment,
                job.instancesOf == null ? job.id : job.instancesOf, job.origin, job.state, job.reason,
                job.instanceCount, job.createdAt, job.updatedAt, job.filesRemovedAt, held ? job.owner : null);
    }
}
