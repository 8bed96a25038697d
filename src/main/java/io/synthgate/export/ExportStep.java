package io.synthgate.export;

import io.synthgate.pipeline.Experiment;
import io.synthgate.pipeline.Pipeline;
import io.synthgate.pipeline.ReviewPolicy;
import io.synthgate.wrap.SyntheticObject;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.util.UUID;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Handler;
import org.jboss.logging.Logger;

/**
 * Route step {@code exportStep}: C-STOREs the job's pending outputs to the {@link Pipeline#DESTINATION};
 * under review policy {@code recorded}, rejected candidates too (their verdict is in the object).
 * Method {@code exportWritten}, right after the wrap step, sends each unreviewed object as soon as it
 * is written, so a job's objects reach the destination while its other images are generated.
 */
@ApplicationScoped
@Named("exportStep")
public class ExportStep {

    private static final Logger LOG = Logger.getLogger(ExportStep.class);

    private final ExportService exports;

    public ExportStep(ExportService exports) {
        this.exports = exports;
    }

    /** The job's export; {@code @Handler} keeps it the method a route's plain {@code ref: exportStep} calls. */
    @Handler
    public void export(@ExchangeProperty(Pipeline.JOB_ID) UUID jobId,
            @ExchangeProperty(Pipeline.EXPERIMENT) Experiment experiment) throws ExportFailedException {
        exports.export(jobId, experiment.destinations(), experiment.review() == ReviewPolicy.RECORDED);
    }

    /**
     * Sends the object just written, unless the review policy holds it for a verdict. A failure is
     * logged and leaves the object to the job's export, which retries and fails the job if it must:
     * one image is not held up retrying while the others wait.
     */
    public void exportWritten(SyntheticObject written, @ExchangeProperty(Pipeline.JOB_ID) UUID jobId,
            @ExchangeProperty(Pipeline.EXPERIMENT) Experiment experiment) {
        if (experiment.review().holds()) {
            return;
        }
        try {
            exports.exportOutput(written.sopInstanceUid(), experiment.destinations());
        } catch (ExportFailedException e) {
            LOG.warnf("Job %s: %s is left to the job's export: %s", jobId, written.sopInstanceUid(), e.getMessage());
        }
    }
}
