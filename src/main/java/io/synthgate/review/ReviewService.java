package io.synthgate.review;

import io.synthgate.dicom.SopInstanceUid;
import io.synthgate.failure.ConflictException;
import io.synthgate.failure.InvalidRequestException;
import io.synthgate.image.PngImage;
import io.synthgate.job.JobOutput;
import io.synthgate.job.JobOutputService;
import io.synthgate.job.JobService;
import io.synthgate.job.JobState;
import io.synthgate.job.OutputState;
import io.synthgate.wrap.SyntheticFiles;
import io.synthgate.wrap.VerdictStamp;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Quality control: holds a job's candidates for review, records each verdict with who and when, and
 * hands the job back to its route for export once every candidate is decided.
 */
@ApplicationScoped
@Transactional
public class ReviewService {

    private static final int TEXT_LIMIT = 2000;

    private final JobOutputService outputs;
    private final JobService jobs;
    private final ReviewDecisionRepository decisions;
    private final SyntheticFiles files;
    private final VerdictStamp stamp;
    private final Clock clock;

    public ReviewService(JobOutputService outputs, JobService jobs, ReviewDecisionRepository decisions,
            SyntheticFiles files, VerdictStamp stamp, Clock clock) {
        this.stamp = stamp;
        this.outputs = outputs;
        this.jobs = jobs;
        this.decisions = decisions;
        this.files = files;
        this.clock = clock;
    }

    /**
     * Holds the job's new candidates for review by {@code readers} readers each. Returns true when some
     * candidate still awaits a verdict (the job is then parked in AWAITING_REVIEW), false when every one
     * is decided.
     */
    public boolean hold(UUID jobId, int readers) {
        int waiting = outputs.holdForReview(jobId, readers);
        if (waiting == 0) {
            return false;
        }
        jobs.transition(jobId, JobState.AWAITING_REVIEW, waiting + " candidates await "
                + (readers == 1 ? "a radiologist's review" : "the verdicts of " + readers + " readers each"));
        return true;
    }

    /**
     * Records {@code reviewer}'s verdict (the signed-in user's name), one per reader and candidate. Once
     * the candidate has the verdicts of all its readers, the majority decides it; when it was the job's
     * last open one, the job goes on to export.
     */
    public ReviewDecision decide(SopInstanceUid candidate, ReviewRequest request, String reviewer) {
        OutputState verdict = verdict(request.decision());
        if (request.grade() != null && (request.grade() < 1 || request.grade() > 5)) {
            throw new InvalidRequestException("grade must be 1 to 5, not " + request.grade());
        }
        if (request.comment() != null && request.comment().length() > TEXT_LIMIT) {
            throw new InvalidRequestException("comment is limited to " + TEXT_LIMIT + " characters");
        }
        JobOutput output = outputs.lock(candidate).orElseThrow(() -> new UnknownCandidateException(candidate));
        if (output.state() != OutputState.AWAITING_REVIEW) {
            throw new ConflictException("Candidate " + candidate + " is " + output.state() + ", not awaiting review");
        }
        List<ReviewDecisionEntity> earlier = decisions.forCandidate(candidate.value());
        if (earlier.stream().anyMatch(decision -> decision.reviewer.equals(reviewer))) {
            throw new ConflictException(reviewer + " already gave candidate " + candidate + " a verdict; each of its "
                    + output.readersRequired() + " readers gives one");
        }
        ReviewDecisionEntity row = new ReviewDecisionEntity();
        row.jobId = output.jobId();
        row.sopInstanceUid = candidate.value();
        row.decision = verdict.name();
        row.grade = request.grade();
        row.comment = request.comment();
        row.reviewer = reviewer;
        row.decidedAt = clock.instant();
        decisions.persist(row);
        if (earlier.size() + 1 >= output.readersRequired()) {
            List<String> verdicts = new ArrayList<>(earlier.stream().map(decision -> decision.decision).toList());
            verdicts.add(row.decision);
            int stillWaiting = outputs.decide(candidate, OutputState.valueOf(CandidateVerdict.outcome(verdicts)));
            if (stillWaiting == 0
                    && jobs.find(output.jobId()).map(job -> job.state() == JobState.AWAITING_REVIEW).orElse(false)) {
                jobs.transition(output.jobId(), JobState.GENERATED, "every candidate reviewed; export resumes");
            }
        }
        return view(row);
    }

    /**
     * Writes each decided, not yet exported candidate's latest verdict and grade into its object
     * (review policy {@code recorded}); writing it again changes nothing.
     */
    public void writeVerdicts(UUID jobId) throws IOException {
        Map<String, CandidateVerdict> verdicts = verdicts(jobId);
        for (JobOutput output : outputs.listForJob(jobId)) {
            CandidateVerdict verdict = verdicts.get(output.sopInstanceUid().value());
            if (verdict != null && verdict.decision().isPresent() && output.state() != OutputState.EXPORTED) {
                stamp.write(output.file(), verdict.decision().get(),
                        verdict.meanGrade().map(grade -> (int) Math.round(grade)).orElse(null));
            }
        }
    }

    /** Candidates awaiting {@code reader}'s verdict, oldest first: not those the reader already decided. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<PendingReview> pending(int limit, String reader) {
        return awaiting(limit, decidedAwaitingOthers(reader)).stream().map(output -> new PendingReview(output.jobId(),
                jobs.find(output.jobId()).map(job -> job.experiment()).orElse(null), output.sopInstanceUid().value(),
                output.candidateIndex(), output.seed().isPresent() ? output.seed().getAsLong() : null, output.metrics(),
                output.readersRequired())).toList();
    }

    /**
     * Outputs awaiting a reader's verdict, oldest first, at most {@code limit}: those awaiting review
     * but {@code decided}, the reader's {@link #decidedAwaitingOthers}.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<JobOutput> awaiting(int limit, Set<String> decided) {
        return outputs.awaitingReview(limit + decided.size()).stream()
                .filter(output -> !decided.contains(output.sopInstanceUid().value())).limit(limit).toList();
    }

    /** The candidates {@code reader} gave a verdict that still wait on other readers. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Set<String> decidedAwaitingOthers(String reader) {
        return decisions.awaitingOthersAfter(reader);
    }

    /** Every candidate of the job that has a verdict (by SOP Instance UID), with all its readers' verdicts. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<String, CandidateVerdict> verdicts(UUID jobId) {
        Map<String, List<ReviewDecision>> readings = new HashMap<>();
        decisions.forJob(jobId).forEach(decision -> readings.computeIfAbsent(decision.sopInstanceUid,
                sop -> new ArrayList<>()).add(view(decision)));
        Map<String, CandidateVerdict> verdicts = new HashMap<>();
        for (JobOutput output : outputs.listForJob(jobId)) {
            List<ReviewDecision> given = readings.get(output.sopInstanceUid().value());
            if (given != null) {
                verdicts.put(output.sopInstanceUid().value(), new CandidateVerdict(given, output.readersRequired()));
            }
        }
        return verdicts;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ReviewDecision> decisions(Optional<UUID> jobId, int limit) {
        return (jobId.isPresent() ? decisions.forJob(jobId.get()) : decisions.latest(limit)).stream()
                .map(ReviewService::view).toList();
    }

    /** The candidate as an 8-bit PNG (its first frame), windowed as the reports show it. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public byte[] preview(SopInstanceUid candidate) throws IOException {
        JobOutput output = outputs.find(candidate).orElseThrow(() -> new UnknownCandidateException(candidate));
        return PngImage.encode(files.picture(output.file()));
    }

    private static OutputState verdict(String decision) {
        if ("APPROVED".equalsIgnoreCase(String.valueOf(decision).strip())) {
            return OutputState.APPROVED;
        }
        if ("REJECTED".equalsIgnoreCase(String.valueOf(decision).strip())) {
            return OutputState.REJECTED;
        }
        throw new InvalidRequestException("decision must be APPROVED or REJECTED, not '" + decision + "'");
    }

    private static ReviewDecision view(ReviewDecisionEntity row) {
        return new ReviewDecision(row.jobId, row.sopInstanceUid, row.decision, row.grade, row.comment, row.reviewer,
                row.decidedAt);
    }

    /** No candidate has this SOP Instance UID. */
    public static final class UnknownCandidateException extends RuntimeException {
        UnknownCandidateException(SopInstanceUid candidate) {
            super("No candidate " + candidate);
        }
    }
}
