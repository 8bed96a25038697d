package io.synthgate.study;

import io.synthgate.dicom.SopInstanceUid;
import io.synthgate.experiment.Pipeline;
import io.synthgate.job.JobOutputService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.camel.ExchangeProperty;

/**
 * Route step {@code pendingSourcesStep}: the job's instances that have no output yet, so a resumed
 * or retried job continues where it stopped instead of starting over.
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

    public List<SourceInstance> pending(@ExchangeProperty(Pipeline.JOB_ID) UUID jobId) {
        Set<SopInstanceUid> done = outputs.sourcesWithOutput(jobId);
        return studies.instancesOfJob(jobId).stream().filter(i -> !done.contains(i.sopInstanceUid())).toList();
    }
}
