package io.synthgate.deid;

import io.synthgate.dicom.UnsupportedSourceException;
import io.synthgate.pipeline.DeidOptions;
import io.synthgate.pipeline.Pipeline;
import io.synthgate.study.SourceInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.io.IOException;
import org.apache.camel.Header;

/**
 * Route step {@code deidStep}: a stored instance in, its de-identified copy out, keeping what the
 * route's {@link Pipeline#DEID_RETAIN} header names or else the configured options.
 */
@ApplicationScoped
@Named("deidStep")
public class DeidStep {

    private final DeidService deid;

    public DeidStep(DeidService deid) {
        this.deid = deid;
    }

    public DeidentifiedSource deidentify(SourceInstance instance, @Header(Pipeline.DEID_RETAIN) String retain)
            throws UnsupportedSourceException, IOException {
        return deid.deidentify(instance, DeidOptions.parse(retain, deid.defaultOptions()));
    }
}
