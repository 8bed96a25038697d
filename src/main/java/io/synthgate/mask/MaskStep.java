package io.synthgate.mask;

import io.synthgate.experiment.Pipeline;
import io.synthgate.pixels.SourceImage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import org.apache.camel.Header;

/** Route step {@code maskStep}: rasterises the {@link Pipeline#MASK} spec over the image. */
@ApplicationScoped
@Named("maskStep")
public class MaskStep {

    public MaskedImage apply(SourceImage image, @Header(Pipeline.MASK) String spec) {
        MaskSpec parsed = MaskSpec.parse(spec);
        return new MaskedImage(image, parsed, parsed.rasterize(image.layout().columns(), image.layout().rows()));
    }
}
