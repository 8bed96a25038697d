package io.synthgate.job;

import io.synthgate.dicom.SopInstanceUid;
import io.synthgate.failure.ConflictException;
import io.synthgate.pixels.FidelityMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Bookkeeping of generated objects. Output UIDs are deterministic, so recording the same output again
 * (a resumed or retried job) updates its row instead of adding one.
 */
@ApplicationScoped
@Transactional
public class JobOutputService {

    private final JobOutputRepository outputs;
    private final Clock clock;

    public JobOutputService(JobOutputRepository outputs, Clock clock) {
        this.outputs = outputs;
        this.clock = clock;
    }

    /** Records a synthetic object that is durably in the outbound spool; recording it again replaces the row. */
    public void recordGenerated(UUID jobId, GeneratedOutput output) {
        JobOutputEntity row = outputs.findBySopInstanceUid(output.sopInstanceUid().value()).orElseGet(JobOutputEntity::new);
        boolean isNew = row.id == null;
        row.jobId = jobId;
        row.sourceSopInstanceUid = output.source().map(SopInstanceUid::value).orElse(null);
        row.candidateIndex = output.candidateIndex();
        row.seed = output.seed().isPresent() ? output.seed().getAsLong() : null;
        row.sopInstanceUid = output.sopInstanceUid().value();
        row.sopClassUid = output.sopClassUid();
        row.spoolPath = output.file().toString();
        row.state = OutputState.GENERATED;
        row.createdAt = clock.instant();
        row.exportedAt = null;
        row.maskSpec = output.maskSpec().orElse(null);
        FidelityMetrics metrics = output.metrics().orElse(null);
        row.psnrDb = metrics == null ? null : metrics.psnrDb();
        row.ssim = metrics == null ? null : metrics.ssim();
        row.meanAbsoluteError = metrics == null ? null : metrics.meanAbsoluteError();
        row.maxAbsDifferenceOutsideMask = metrics == null ? null : metrics.maxAbsoluteDifferenceOutsideMask();
        if (isNew) {
            outputs.persist(row);
        }
    }

    /** Records that {@code destination} accepted the object. */
    public void markExported(SopInstanceUid output, String destination) {
        JobOutputEntity row = outputs.findBySopInstanceUid(output.value())
                .orElseThrow(() -> new IllegalArgumentException("No output " + output));
        row.state = OutputState.EXPORTED;
        row.destination = destination;
        row.exportedAt = clock.instant();
    }

    public List<JobOutput> listForJob(UUID jobId) {
        return outputs.listForJob(jobId).stream().map(JobOutputService::toView).toList();
    }

    /** Outputs to send: generated ones of a job without review, approved ones, and rejected ones when asked. */
    public List<JobOutput> pendingExport(UUID jobId, boolean includeRejected) {
        EnumSet<OutputState> states = EnumSet.of(OutputState.GENERATED, OutputState.APPROVED);
        if (includeRejected) {
            states.add(OutputState.REJECTED);
        }
        return outputs.listForJobInStates(jobId, states).stream().map(JobOutputService::toView).toList();
    }

    /**
     * Holds every newly generated output of the job for review by {@code readers} readers each; returns
     * how many of its outputs await a verdict.
     */
    public int holdForReview(UUID jobId, int readers) {
        List<JobOutputEntity> rows = outputs.listForJob(jobId);
        rows.stream().filter(row -> row.state == OutputState.GENERATED).forEach(row -> {
            row.state = OutputState.AWAITING_REVIEW;
            row.readersRequired = readers;
        });
        return (int) rows.stream().filter(row -> row.state == OutputState.AWAITING_REVIEW).count();
    }

    /** Records a verdict on an output awaiting review; returns how many outputs of its job still await one. */
    public int decide(SopInstanceUid output, OutputState verdict) {
        if (verdict != OutputState.APPROVED && verdict != OutputState.REJECTED) {
            throw new IllegalArgumentException("A review verdict is APPROVED or REJECTED, not " + verdict);
        }
        JobOutputEntity row = outputs.findBySopInstanceUid(output.value())
                .orElseThrow(() -> new IllegalArgumentException("No output " + output));
        if (row.state != OutputState.AWAITING_REVIEW) {
            throw new ConflictException("Output " + output + " is " + row.state + ", not awaiting review");
        }
        row.state = verdict;
        return (int) outputs.listForJobInStates(row.jobId, EnumSet.of(OutputState.AWAITING_REVIEW)).size();
    }

    /**
     * The output, its row locked until the transaction ends, so that readers' verdicts on it are
     * counted one after the other.
     */
    public Optional<JobOutput> lock(SopInstanceUid output) {
        return outputs.findBySopInstanceUidForUpdate(output.value()).map(JobOutputService::toView);
    }

    public Optional<JobOutput> find(SopInstanceUid output) {
        return outputs.findBySopInstanceUid(output.value()).map(JobOutputService::toView);
    }

    /** Outputs awaiting review, oldest first. */
    public List<JobOutput> awaitingReview(int limit) {
        return outputs.listInState(OutputState.AWAITING_REVIEW, limit).stream().map(JobOutputService::toView).toList();
    }

    /** The review queue's length: candidates awaiting a verdict. */
    public long countAwaitingReview() {
        return outputs.countInState(OutputState.AWAITING_REVIEW);
    }

    /** How many outputs (candidates) each source instance of the job has, so a resumed job skips those complete. */
    public Map<SopInstanceUid, Long> outputsPerSource(UUID jobId) {
        return outputs.listForJob(jobId).stream()
                .filter(o -> o.sourceSopInstanceUid != null)
                .collect(Collectors.groupingBy(o -> new SopInstanceUid(o.sourceSopInstanceUid), Collectors.counting()));
    }

    private static JobOutput toView(JobOutputEntity row) {
        FidelityMetrics metrics = row.maxAbsDifferenceOutsideMask == null ? null : new FidelityMetrics(row.psnrDb, row.ssim,
                row.meanAbsoluteError, row.maxAbsDifferenceOutsideMask);
        return new JobOutput(row.jobId, Optional.ofNullable(row.sourceSopInstanceUid).map(SopInstanceUid::new),
                row.candidateIndex == null ? 0 : row.candidateIndex,
                row.seed == null ? OptionalLong.empty() : OptionalLong.of(row.seed),
                new SopInstanceUid(row.sopInstanceUid), row.sopClassUid, Path.of(row.spoolPath), row.state,
                row.destination, row.exportedAt, row.maskSpec, metrics,
                row.readersRequired == null ? 1 : row.readersRequired);
    }
}
