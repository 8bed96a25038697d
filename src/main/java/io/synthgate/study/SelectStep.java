package io.synthgate.study;

import io.synthgate.dicom.Selection;
import io.synthgate.job.JobService;
import io.synthgate.pipeline.Experiment;
import io.synthgate.pipeline.Pipeline;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.camel.ExchangeProperty;

/**
 * Route step {@code selectStep}: keeps the instances the experiment's {@code select} criteria take
 * ({@link Selection}), read from each stored instance's header. What it leaves out is noted in the
 * job's history with the count, so no instance disappears unexplained.
 */
@ApplicationScoped
@Named("selectStep")
public class SelectStep {

    private final JobService jobs;

    public SelectStep(JobService jobs) {
        this.jobs = jobs;
    }

    public List<SourceInstance> select(List<SourceInstance> instances,
            @ExchangeProperty(Pipeline.EXPERIMENT) Experiment experiment, @ExchangeProperty(Pipeline.JOB_ID) UUID jobId)
            throws IOException {
        Selection selection = experiment.select();
        if (selection.takesAll()) {
            return instances;
        }
        List<SourceInstance> taken = new ArrayList<>();
        for (SourceInstance instance : instances) {
            if (selection.takesInstance(instance.file(), instance.callingAe())) {
                taken.add(instance);
            }
        }
        if (taken.size() < instances.size()) {
            jobs.note(jobId, "Selection '" + selection.text() + "' took " + taken.size() + " of " + instances.size()
                    + " instances; the others are not part of this experiment");
        }
        return taken;
    }
}
