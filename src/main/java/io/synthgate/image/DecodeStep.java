package io.synthgate.image;

import io.synthgate.deid.DeidentifiedSource;
import io.synthgate.dicom.UnsupportedSourceException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

/** Route step {@code decodeStep}: a de-identified instance in, its decoded image (or lazily read frame stack) out. */
@ApplicationScoped
@Named("decodeStep")
public class DecodeStep {

    private final PixelDecoder decoder;

    public DecodeStep(PixelDecoder decoder) {
        this.decoder = decoder;
    }

    public DecodedSource decode(DeidentifiedSource source) throws UnsupportedSourceException {
        return decoder.decode(source);
    }
}
