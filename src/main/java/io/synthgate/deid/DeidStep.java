package io.synthgate.deid;

import io.synthgate.dicom.UnsupportedSourceException;
import io.synthgate.study.SourceInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.io.IOException;

/** Route step {@code deidStep}: a stored instance in, its de-identified copy out. */
@ApplicationScoped
@Named("deidStep")
public class DeidStep {

    private final DeidService deid;

    public DeidStep(DeidService deid) {
        this.deid = deid;
    }

    public DeidentifiedSource deidentify(SourceInstance instance) throws UnsupportedSourceException, IOException {
        return deid.deidentify(instance);
    }
}
