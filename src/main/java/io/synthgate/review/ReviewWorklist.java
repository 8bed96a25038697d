package io.synthgate.review;

import io.synthgate.dicom.SopInstanceUid;
import io.synthgate.job.JobOutput;
import io.synthgate.job.JobOutputService;
import io.synthgate.job.JobService;
import io.synthgate.job.JobView;
import io.synthgate.wrap.SyntheticFiles;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A reader's worklist: candidates awaiting the reader's verdict, oldest first, each shown with the
 * other candidates of its image. A candidate that needs several readers stays on the worklists of
 * those who have not decided it yet.
 */
@ApplicationScoped
public class ReviewWorklist {

    private final JobOutputService outputs;
    private final JobService jobs;
    private final SyntheticFiles files;
    private final ReviewService reviews;

    public ReviewWorklist(JobOutputService outputs, JobService jobs, SyntheticFiles files, ReviewService reviews) {
        this.outputs = outputs;
        this.jobs = jobs;
        this.files = files;
        this.reviews = reviews;
    }

    /** The oldest candidate awaiting {@code reader}'s verdict, with its image's other candidates; empty when none waits. */
    public Optional<WorklistItem> next(String reader) throws IOException {
        Set<String> decided = reviews.decidedAwaitingOthers(reader);
        List<JobOutput> oldest = reviews.awaiting(1, decided);
        return oldest.isEmpty() ? Optional.empty() : Optional.of(item(oldest.get(0), decided));
    }

    /** The worklist item of {@code candidate} for {@code reader}, whatever its state; empty when no candidate has that UID. */
    public Optional<WorklistItem> at(SopInstanceUid candidate, String reader) throws IOException {
        Optional<JobOutput> output = outputs.find(candidate);
        return output.isEmpty() ? Optional.empty() : Optional.of(item(output.get(), reviews.decidedAwaitingOthers(reader)));
    }

    private WorklistItem item(JobOutput current, Set<String> decided) throws IOException {
        List<JobOutput> siblings = outputs.listForJob(current.jobId()).stream()
                .filter(output -> output.source().equals(current.source()))
                .sorted(Comparator.comparingInt(JobOutput::candidateIndex))
                .toList();
        SyntheticFiles.Header header = files.header(current.file());
        String experiment = jobs.find(current.jobId()).map(JobView::experiment).orElse("");
        return new WorklistItem(current.jobId(), experiment, header.bodyPart(), header.operation(), current, siblings,
                header.source(), header.studyInstanceUid(), outputs.countAwaitingReview() - decided.size(), decided);
    }
}
