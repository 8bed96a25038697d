package io.synthgate.masking;

import io.synthgate.dicom.SopInstanceUid;
import io.synthgate.image.FrameStack;
import io.synthgate.image.SourceImage;
import io.synthgate.mask.DrawnRegions;
import io.synthgate.mask.ImageRegions;
import io.synthgate.mask.Mask;
import io.synthgate.mask.MaskSpec;
import io.synthgate.pipeline.Experiment;
import io.synthgate.pipeline.Pipeline;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import org.apache.camel.ExchangeProperty;

/**
 * Route step {@code maskStep}: rasterises the experiment's mask for the image's body part (its preset,
 * else its one mask) over the image, growing its canvas for {@code extend}, or over every frame of a
 * stack. Specs {@code overlay} and {@code segment} read the regions {@code drawnRegionsStep} collected
 * for the image.
 */
@ApplicationScoped
@Named("maskStep")
public class MaskStep {

    public MaskedImage apply(SourceImage image, @ExchangeProperty(Pipeline.EXPERIMENT) Experiment experiment,
            @ExchangeProperty(Pipeline.DRAWN_REGIONS) DrawnRegions drawn) {
        return MaskedImage.of(image, experiment.mask().forBodyPart(image.description().bodyPartExamined()),
                onImage(drawn, image.source().original()));
    }

    public MaskedStack apply(FrameStack stack, @ExchangeProperty(Pipeline.EXPERIMENT) Experiment experiment,
            @ExchangeProperty(Pipeline.DRAWN_REGIONS) DrawnRegions drawn) {
        MaskSpec parsed = experiment.mask().forBodyPart(stack.description().bodyPartExamined());
        if (!parsed.growth(stack.layout().columns(), stack.layout().rows()).isNone()) {
            throw new IllegalArgumentException("Mask spec '" + parsed.text() + "' grows the canvas; outpainting takes"
                    + " single-frame images, and " + stack.source().original() + " has " + stack.frames() + " frames");
        }
        return new MaskedStack(stack, parsed, parsed.rasterize(stack.layout().columns(), stack.layout().rows(),
                onImage(drawn, stack.source().original())));
    }

    private static ImageRegions onImage(DrawnRegions drawn, SopInstanceUid original) {
        return drawn == null ? ImageRegions.NOT_COLLECTED : drawn.of(original);
    }
}
