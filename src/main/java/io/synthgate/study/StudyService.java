package io.synthgate.study;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.synthgate.dicom.AeTitle;
import io.synthgate.dicom.SopInstanceUid;
import io.synthgate.dicom.StudyInstanceUid;
import io.synthgate.job.JobService;
import io.synthgate.job.JobState;
import io.synthgate.job.JobView;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Records acknowledged instances and completes studies. Each change holds the study's lock for the
 * whole transaction, so the arrival recorder, the idle sweep and a manual "complete" see one order of
 * events: in this process a {@link StudyLocks} stripe, and across the replicas sharing the database the
 * study's row, locked for writing.
 */
@ApplicationScoped
public class StudyService {

    private static final Logger LOG = Logger.getLogger(StudyService.class);

    private final StudyRepository studies;
    private final InstanceRepository instances;
    private final JobService jobs;
    private final StudyLocks locks;

    public StudyService(StudyRepository studies, InstanceRepository instances, JobService jobs, StudyLocks locks) {
        this.studies = studies;
        this.instances = instances;
        this.jobs = jobs;
        this.locks = locks;
    }

    /**
     * Records spooled instances and attaches them to their studies' open jobs, one transaction per
     * study. A re-sent instance (same SOP Instance UID) updates its record and joins no job again, so
     * it never doubles an output.
     */
    public void recordArrivals(List<ReceivedInstance> arrivals) {
        Map<StudyInstanceUid, List<ReceivedInstance>> byStudy = new LinkedHashMap<>();
        arrivals.forEach(a -> byStudy.computeIfAbsent(a.study(), s -> new ArrayList<>()).add(a));
        byStudy.forEach((study, ofStudy) -> locks.withLock(study.value(),
                () -> QuarkusTransaction.requiringNew().call(() -> record(study, ofStudy))));
    }

    /** How many instances each study has on record, by Study Instance UID: one row per study, read at once. */
    public Map<String, Integer> recordedInstanceCounts() {
        return QuarkusTransaction.joiningExisting().call(() -> studies.instanceCounts());
    }

    /** The spool files the study's recorded instances lie in. */
    public Set<Path> recordedFiles(StudyInstanceUid study) {
        return QuarkusTransaction.joiningExisting().call(() -> studies.findByStudyInstanceUid(study.value())
                .map(entity -> instances.listForStudy(entity.id).stream().map(i -> Path.of(i.spoolPath))
                        .collect(Collectors.toSet()))
                .orElse(Set.of()));
    }

    /** Completes the study's open job now, as if its idle timeout had passed, saying who asked in its history. */
    public CompletionResult complete(StudyInstanceUid study, String requestedBy) {
        return locks.withLock(study.value(), () -> QuarkusTransaction.requiringNew().call(() -> {
            if (studies.lockByStudyInstanceUid(study.value()).isEmpty()) {
                return new CompletionResult(CompletionResult.Outcome.UNKNOWN_STUDY, null);
            }
            return jobs.completeOpenJob(study, "completed on request by " + requestedBy)
                    .map(id -> new CompletionResult(CompletionResult.Outcome.COMPLETED, id))
                    .orElse(new CompletionResult(CompletionResult.Outcome.ALREADY_COMPLETE, null));
        }));
    }

    /** Whether any instance of the study was received before. */
    public boolean isKnown(StudyInstanceUid study) {
        return QuarkusTransaction.joiningExisting().call(() -> studies.findByStudyInstanceUid(study.value()).isPresent());
    }

    /**
     * Completes the open job of a study whose retrieve by {@code retriever} (a cohort) has ended, and gives
     * it {@code experiments} (none: the routing rules choose, as for a pushed study), in one transaction.
     *
     * @return the jobs the study went into: its job, then one per further experiment; empty when the
     *         retrieve brought no instance the study did not have
     */
    public List<UUID> completeRetrieved(StudyInstanceUid study, List<String> experiments, String retriever) {
        return locks.withLock(study.value(), () -> QuarkusTransaction.requiringNew().call(() -> {
            studies.lockByStudyInstanceUid(study.value());
            Optional<UUID> completed = jobs.completeOpenJob(study, "its retrieve by " + retriever + " ended");
            if (completed.isEmpty()) {
                return List.<UUID>of();
            }
            List<UUID> opened = new ArrayList<>(List.of(completed.get()));
            if (!experiments.isEmpty()) {
                // Same transaction: the job is handed to its route after the commit, experiments set.
                opened.addAll(jobs.assign(completed.get(), experiments, retriever));
            }
            return opened;
        }));
    }

    /** Completes the study's open job if it is still idle since {@code cutoff}. */
    public Optional<UUID> completeIfIdle(StudyInstanceUid study, Instant cutoff, String reason) {
        return locks.withLock(study.value(), () -> QuarkusTransaction.requiringNew().call(() -> {
            studies.lockByStudyInstanceUid(study.value());
            return jobs.completeOpenJobIfIdle(study, cutoff, reason);
        }));
    }

    /** The newest studies matching the page's filters (received day, modality, calling AE title). */
    public List<StudySummary> search(Optional<LocalDate> day, Optional<String> modality, Optional<String> callingAe,
            int limit) {
        return QuarkusTransaction.joiningExisting().call(() -> studies.search(day, modality, callingAe, limit).stream()
                .map(this::summary).toList());
    }

    public List<StudySummary> listRecent(int limit) {
        return search(Optional.empty(), Optional.empty(), Optional.empty(), limit);
    }

    public Optional<StudyDetail> find(StudyInstanceUid study) {
        return QuarkusTransaction.joiningExisting().call(() -> studies.findByStudyInstanceUid(study.value())
                .map(entity -> new StudyDetail(summary(entity),
                        instances.listForStudy(entity.id).stream().map(StudyService::instanceView).toList(),
                        jobs.listForStudy(study))));
    }

    /**
     * The instances a job is to process, in arrival order: those it collected, or for a job opened for a
     * further experiment, those of the study's job beside which it was opened.
     */
    public List<SourceInstance> instancesOfJob(UUID jobId) {
        return QuarkusTransaction.joiningExisting().call(() -> {
            UUID collector = jobs.find(jobId).map(JobView::instancesOf).orElse(jobId);
            List<InstanceEntity> rows = instances.listForJob(collector);
            if (rows.isEmpty()) {
                return List.of();
            }
            StudyInstanceUid study = new StudyInstanceUid(studies.findById(rows.get(0).studyId).studyInstanceUid);
            return rows.stream().map(i -> new SourceInstance(study, i.seriesInstanceUid,
                    new SopInstanceUid(i.sopInstanceUid), i.sopClassUid, i.modality, new AeTitle(i.callingAe),
                    Path.of(i.spoolPath))).toList();
        });
    }

    private Void record(StudyInstanceUid uid, List<ReceivedInstance> arrivals) {
        Instant first = arrivals.stream().map(ReceivedInstance::receivedAt).min(Instant::compareTo).orElseThrow();
        Instant last = arrivals.stream().map(ReceivedInstance::receivedAt).max(Instant::compareTo).orElseThrow();
        StudyEntity study = lockedStudy(uid, first);
        if (first.isBefore(study.firstReceivedAt)) {
            study.firstReceivedAt = first;
        }
        if (last.isAfter(study.lastReceivedAt)) {
            study.lastReceivedAt = last;
        }
        Map<String, InstanceEntity> known = new HashMap<>();
        instances.listBySopInstanceUids(arrivals.stream().map(a -> a.sopInstanceUid().value()).distinct().toList())
                .forEach(i -> known.put(i.sopInstanceUid, i));
        List<InstanceEntity> added = new ArrayList<>();
        for (ReceivedInstance received : arrivals) {
            InstanceEntity instance = known.get(received.sopInstanceUid().value());
            if (instance == null) {
                instance = new InstanceEntity();
                known.put(received.sopInstanceUid().value(), instance);
                added.add(instance);
            }
            instance.studyId = study.id;
            instance.sopInstanceUid = received.sopInstanceUid().value();
            instance.sopClassUid = received.sopClassUid();
            instance.seriesInstanceUid = received.seriesInstanceUid();
            instance.transferSyntaxUid = received.transferSyntaxUid();
            instance.modality = received.modality();
            instance.callingAe = received.callingAe().value();
            instance.spoolPath = received.file().toString();
            instance.sizeBytes = received.sizeBytes();
            instance.receivedAt = received.receivedAt();
        }
        if (!added.isEmpty()) {
            UUID job = jobs.attachArrivals(uid, added.size(), last);
            study.instanceCount += added.size();
            for (InstanceEntity instance : added) {
                instance.jobId = job;
                instances.persist(instance);
            }
        }
        return null;
    }

    /**
     * The study's row, locked until the transaction ends. A study new to the database is inserted first,
     * in a transaction of its own, so that when two replicas receive its first instances at once the one
     * whose insert loses to the unique Study Instance UID reads and waits on the winner's row: one study,
     * and so one job.
     */
    private StudyEntity lockedStudy(StudyInstanceUid uid, Instant first) {
        Optional<StudyEntity> found = studies.lockByStudyInstanceUid(uid.value());
        if (found.isPresent()) {
            return found.get();
        }
        RuntimeException insertFailure = null;
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                StudyEntity created = new StudyEntity();
                created.studyInstanceUid = uid.value();
                created.firstReceivedAt = first;
                created.lastReceivedAt = first;
                studies.persist(created);
            });
        } catch (RuntimeException e) {
            insertFailure = e;
            LOG.debugf("Study %s was recorded by another replica at the same moment (%s)", uid, e.getMessage());
        }
        RuntimeException cause = insertFailure;
        return studies.lockByStudyInstanceUid(uid.value())
                .orElseThrow(() -> new IllegalStateException("Study " + uid + " could not be recorded", cause));
    }

    private StudySummary summary(StudyEntity entity) {
        List<JobView> studyJobs = jobs.listForStudy(new StudyInstanceUid(entity.studyInstanceUid));
        boolean assembling = studyJobs.stream().map(JobView::state).anyMatch(JobState::isOpen);
        boolean unmatched = studyJobs.stream().map(JobView::state).anyMatch(state -> state == JobState.UNMATCHED);
        List<String> experiments = studyJobs.stream().map(JobView::experiment).filter(Objects::nonNull).distinct()
                .toList();
        return new StudySummary(entity.studyInstanceUid, entity.instanceCount, assembling, experiments, unmatched,
                entity.firstReceivedAt, entity.lastReceivedAt);
    }

    private static StudyDetail.InstanceView instanceView(InstanceEntity i) {
        return new StudyDetail.InstanceView(i.sopInstanceUid, i.sopClassUid, i.seriesInstanceUid, i.modality,
                i.transferSyntaxUid, i.callingAe, i.sizeBytes, i.receivedAt, i.jobId.toString());
    }
}
