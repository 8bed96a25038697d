package io.synthgate.export;

import io.synthgate.experiment.Pipeline;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.util.UUID;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Header;

/** Route step {@code exportStep}: C-STOREs the job's pending outputs to the {@link Pipeline#DESTINATION}. */
@ApplicationScoped
@Named("exportStep")
public class ExportStep {

    private final ExportService exports;

    public ExportStep(ExportService exports) {
        this.exports = exports;
    }

    public void export(@ExchangeProperty(Pipeline.JOB_ID) UUID jobId, @Header(Pipeline.DESTINATION) String destination)
            throws ExportFailedException {
        exports.export(jobId, destination);
    }
}
