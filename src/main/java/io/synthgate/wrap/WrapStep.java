package io.synthgate.wrap;

import com.pixelmed.dicom.DicomException;
import io.synthgate.dicom.UnsupportedSourceException;
import io.synthgate.generator.GeneratedImage;
import io.synthgate.generator.GeneratedStack;
import io.synthgate.generator.GeneratedText;
import io.synthgate.job.GeneratedOutput;
import io.synthgate.job.JobOutputService;
import io.synthgate.pipeline.Experiment;
import io.synthgate.pipeline.Pipeline;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.io.IOException;
import java.util.Optional;
import java.util.UUID;
import org.apache.camel.ExchangeProperty;

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
            @ExchangeProperty(Pipeline.EXPERIMENT) Experiment experiment) throws IOException, DicomException {
        SyntheticObject written = writer.write(jobId, experiment.name(), generated);
        outputs.recordGenerated(jobId, new GeneratedOutput(Optional.of(generated.input().image().source().original()),
                generated.candidateIndex(), generated.provenance().seed(), written.sopInstanceUid(), written.sopClassUid(),
                written.file(), Optional.of(generated.input().spec().text()), Optional.of(generated.metrics())));
        return written;
    }

    /** Writes a generated stack as one multi-frame object and records it as the source's output. */
    public SyntheticObject wrap(GeneratedStack generated, @ExchangeProperty(Pipeline.JOB_ID) UUID jobId,
            @ExchangeProperty(Pipeline.EXPERIMENT) Experiment experiment)
            throws IOException, DicomException, UnsupportedSourceException {
        SyntheticObject written = writer.writeStack(jobId, experiment.name(), generated);
        outputs.recordGenerated(jobId, new GeneratedOutput(Optional.of(generated.input().stack().source().original()), 0,
                generated.provenance().seed(), written.sopInstanceUid(), written.sopClassUid(), written.file(),
                Optional.of(generated.input().spec().text()), Optional.of(generated.metrics())));
        return written;
    }

    /** Writes one text-to-image candidate and records it on the job with its seed. */
    public SyntheticObject wrapText(GeneratedText text, @ExchangeProperty(Pipeline.JOB_ID) UUID jobId,
            @ExchangeProperty(Pipeline.EXPERIMENT) Experiment experiment) throws IOException, DicomException {
        SyntheticObject written = writer.writeText(jobId, experiment.name(), text);
        outputs.recordGenerated(jobId, new GeneratedOutput(Optional.empty(), text.candidateIndex(),
                text.provenance().seed(), written.sopInstanceUid(), written.sopClassUid(), written.file(),
                Optional.empty(), Optional.empty()));
        return written;
    }
}
