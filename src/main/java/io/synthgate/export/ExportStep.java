package io.synthgate.export;

import io.synthgate.experiment.Pipeline;
import io.synthgate.review.ReviewPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.util.UUID;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Header;

/**
 * Route step {@code exportStep}: C-STOREs the job's pending outputs to the {@link Pipeline#DESTINATION};
 * under review policy {@code recorded}, rejected candidates too (their verdict is in the object).
 */
@ApplicationScoped
@Named("exportStep")
public class ExportStep {

    private final ExportService exports;

    public ExportStep(ExportService exports) {
        this.exports = exports;
    }

    public void export(@ExchangeProperty(Pipeline.JOB_ID) UUID jobId, @Header(Pipeline.DESTINATION) String destination,
            @Header(Pipeline.REVIEW) String reviewPolicy) throws ExportFailedException {
        exports.export(jobId, destination, ReviewPolicy.parse(reviewPolicy) == ReviewPolicy.RECORDED);
    }
}
