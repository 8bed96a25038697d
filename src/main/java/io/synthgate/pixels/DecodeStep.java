package io.synthgate.pixels;

import io.synthgate.study.SourceInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

/** Route step {@code decodeStep}: a stored instance in, its decoded image out. */
@ApplicationScoped
@Named("decodeStep")
public class DecodeStep {

    private final PixelDecoder decoder;

    public DecodeStep(PixelDecoder decoder) {
        this.decoder = decoder;
    }

    public SourceImage decode(SourceInstance instance) throws UnsupportedSourceException {
        return decoder.decode(instance);
    }
}
