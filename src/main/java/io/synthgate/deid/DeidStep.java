package io.synthgate.deid;

import io.synthgate.dicom.UnsupportedSourceException;
import io.synthgate.pipeline.Experiment;
import io.synthgate.pipeline.Pipeline;
import io.synthgate.study.SourceInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.io.IOException;
import org.apache.camel.ExchangeProperty;

/**
 * Route step {@code deidStep}: a stored instance in, its de-identified copy out, keeping what the
 * experiment's {@code deid-retain} names or else the configured {@code synthgate.deid.retain-*} options.
 */
@ApplicationScoped
@Named("deidStep")
public class DeidStep {

    private final DeidService deid;

    public DeidStep(DeidService deid) {
        this.deid = deid;
    }

    public DeidentifiedSource deidentify(SourceInstance instance,
            @ExchangeProperty(Pipeline.EXPERIMENT) Experiment experiment) throws UnsupportedSourceException, IOException {
        return deid.deidentify(instance, experiment.deidRetain().orElseGet(deid::defaultOptions));
    }
}
