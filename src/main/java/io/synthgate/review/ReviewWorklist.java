package io.synthgate.review;

import io.synthgate.dicom.SopInstanceUid;
import io.synthgate.job.JobOutput;
import io.synthgate.job.JobOutputService;
import io.synthgate.job.JobService;
import io.synthgate.job.JobView;
import io.synthgate.job.OutputState;
import io.synthgate.wrap.SyntheticFiles;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The radiologist's worklist: candidates awaiting a verdict, oldest first, each shown with the other
 * candidates of its image.
 */
@ApplicationScoped
public class ReviewWorklist {

    private final JobOutputService outputs;
    private final JobService jobs;
    private final SyntheticFiles files;

    public ReviewWorklist(JobOutputService outputs, JobService jobs, SyntheticFiles files) {
        this.outputs = outputs;
        this.jobs = jobs;
        this.files = files;
    }

    /** The oldest candidate awaiting a verdict, with its image's other candidates; empty when none waits. */
    public Optional<WorklistItem> next() throws IOException {
        List<JobOutput> oldest = outputs.awaitingReview(1);
        return oldest.isEmpty() ? Optional.empty() : Optional.of(item(oldest.get(0)));
    }

    /** The worklist item of {@code candidate}, whatever its state; empty when no candidate has that UID. */
    public Optional<WorklistItem> at(SopInstanceUid candidate) throws IOException {
        Optional<JobOutput> output = outputs.find(candidate);
        return output.isEmpty() ? Optional.empty() : Optional.of(item(output.get()));
    }

    private WorklistItem item(JobOutput current) throws IOException {
        List<JobOutput> siblings = outputs.listForJob(current.jobId()).stream()
                .filter(output -> output.source().equals(current.source()))
                .sorted(Comparator.comparingInt(JobOutput::candidateIndex))
                .toList();
        SyntheticFiles.Header header = files.header(current.file());
        String experiment = jobs.find(current.jobId()).map(JobView::experiment).orElse("");
        return new WorklistItem(current.jobId(), experiment, header.bodyPart(), header.operation(), current, siblings,
                header.source(), header.studyInstanceUid(), outputs.countAwaitingReview());
    }

    /** Whether {@code candidate} still awaits a verdict. */
    public static boolean undecided(JobOutput candidate) {
        return candidate.state() == OutputState.AWAITING_REVIEW;
    }
}
