package io.synthgate.study;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.TagFromName;
import io.synthgate.experiment.Pipeline;
import io.synthgate.job.JobService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Header;

/**
 * Route step {@code selectStep}: keeps the instances the {@link Pipeline#SELECT} criteria take
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

    public List<SourceInstance> select(List<SourceInstance> instances, @Header(Pipeline.SELECT) String criteria,
            @ExchangeProperty(Pipeline.JOB_ID) UUID jobId) throws IOException {
        Selection selection = Selection.parse(criteria);
        if (selection.takesAll()) {
            return instances;
        }
        List<SourceInstance> taken = new ArrayList<>();
        for (SourceInstance instance : instances) {
            AttributeList header = selection.readsHeader() ? header(instance) : null;
            if (selection.takes(header, instance.callingAe())) {
                taken.add(instance);
            }
        }
        if (taken.size() < instances.size()) {
            jobs.note(jobId, "Selection '" + selection.text() + "' took " + taken.size() + " of " + instances.size()
                    + " instances; the others are not part of this experiment");
        }
        return taken;
    }

    private static AttributeList header(SourceInstance instance) throws IOException {
        try {
            AttributeList header = new AttributeList();
            header.read(instance.file().toFile(), TagFromName.PixelData);
            return header;
        } catch (DicomException e) {
            throw new IOException("SOP Instance " + instance.sopInstanceUid() + " cannot be read for selection: "
                    + e.getMessage(), e);
        }
    }
}
