package io.synthgate.study;

import io.synthgate.job.JobView;
import java.time.Instant;
import java.util.List;

/** A study with its instances and the jobs that processed them. */
public record StudyDetail(StudySummary study, List<InstanceView> instances, List<JobView> jobs) {

    /** One received instance. */
    public record InstanceView(
            String sopInstanceUid,
            String sopClassUid,
            String seriesInstanceUid,
            String modality,
            String transferSyntaxUid,
            String callingAe,
            long sizeBytes,
            Instant receivedAt,
            String jobId) {
    }
}
