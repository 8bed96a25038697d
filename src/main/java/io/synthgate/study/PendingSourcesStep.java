package io.synthgate.study;

import io.synthgate.dicom.SopInstanceUid;
import io.synthgate.job.JobOutputService;
import io.synthgate.pipeline.Experiment;
import io.synthgate.pipeline.Pipeline;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.camel.ExchangeProperty;

/**
 * Route step {@code pendingSourcesStep}: the job's instances that do not have all their candidates
 * yet (the experiment's {@code candidates} per image), so a resumed or retried job continues where it
 * stopped instead of starting over.
 */
@ApplicationScoped
@Named("pendingSourcesStep")
public class PendingSourcesStep {

    private final StudyService studies;
    private final JobOutputService outputs;

    public PendingSourcesStep(StudyService studies, JobOutputService outputs) {
        this.studies = studies;
        this.outputs = outputs;
    }

    public List<SourceInstance> pending(@ExchangeProperty(Pipeline.JOB_ID) UUID jobId,
            @ExchangeProperty(Pipeline.EXPERIMENT) Experiment experiment) {
        long wanted = experiment.candidates();
        Map<SopInstanceUid, Long> made = outputs.outputsPerSource(jobId);
        return studies.instancesOfJob(jobId).stream().filter(i -> made.getOrDefault(i.sopInstanceUid(), 0L) < wanted)
                .toList();
    }
}
