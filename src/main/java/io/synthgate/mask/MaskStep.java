package io.synthgate.mask;

import io.synthgate.experiment.Pipeline;
import io.synthgate.pixels.FrameStack;
import io.synthgate.pixels.SourceImage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import org.apache.camel.Header;

/**
 * Route step {@code maskStep}: rasterises the {@link Pipeline#MASK} spec over the image (growing its
 * canvas for {@code extend}), or over every frame of a stack.
 */
@ApplicationScoped
@Named("maskStep")
public class MaskStep {

    public MaskedImage apply(SourceImage image, @Header(Pipeline.MASK) String spec) {
        return MaskedImage.of(image, MaskSpec.parse(spec));
    }

    public MaskedStack apply(FrameStack stack, @Header(Pipeline.MASK) String spec) {
        MaskSpec parsed = MaskSpec.parse(spec);
        if (!parsed.growth(stack.layout().columns(), stack.layout().rows()).isNone()) {
            throw new IllegalArgumentException("Mask spec '" + spec + "' grows the canvas; outpainting takes single-frame"
                    + " images, and " + stack.source().original() + " has " + stack.frames() + " frames");
        }
        return new MaskedStack(stack, parsed, parsed.rasterize(stack.layout().columns(), stack.layout().rows()));
    }
}
