package io.synthgate.wrap;

import com.pixelmed.dicom.DicomException;
import io.synthgate.experiment.Pipeline;
import io.synthgate.generator.GeneratedImage;
import io.synthgate.job.JobOutputService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.io.IOException;
import java.util.UUID;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Header;

/** Route step {@code wrapStep}: writes the synthetic object and records it as the job's output. */
@ApplicationScoped
@Named("wrapStep")
public class WrapStep {

    private final SyntheticObjectWriter writer;
    private final JobOutputService outputs;

    public WrapStep(SyntheticObjectWriter writer, JobOutputService outputs) {
        this.writer = writer;
        this.outputs = outputs;
    }

    public SyntheticObject wrap(GeneratedImage generated, @ExchangeProperty(Pipeline.JOB_ID) UUID jobId,
            @Header(Pipeline.EXPERIMENT) String experiment) throws IOException, DicomException {
        SyntheticObject written = writer.write(jobId, experiment, generated);
        outputs.recordGenerated(jobId, generated.input().image().source().original(), written.sopInstanceUid(),
                written.sopClassUid(), written.file(), generated.input().spec().text(), generated.metrics());
        return written;
    }
}
