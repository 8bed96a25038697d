package io.synthgate.generator;

import io.synthgate.experiment.Pipeline;
import io.synthgate.mask.MaskedImage;
import io.synthgate.pixels.Compositor;
import io.synthgate.pixels.FidelityMeter;
import io.synthgate.pixels.FidelityMetrics;
import io.synthgate.pixels.PixelPlanes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import org.apache.camel.Header;

/**
 * Route step {@code generateStep}: runs the chosen generator on a masked image and composites its
 * first candidate back into the source, so only masked pixels can change.
 */
@ApplicationScoped
@Named("generateStep")
public class GenerateStep {

    private final GeneratorRegistry generators;

    public GenerateStep(GeneratorRegistry generators) {
        this.generators = generators;
    }

    public GeneratedImage generate(MaskedImage input, @Header(Pipeline.GENERATOR) String generatorName,
            @Header(Pipeline.OPERATION) String operationName) throws GenerationRefusedException {
        Generator generator = generators.get(generatorName);
        GenerationOperation operation = operationName == null || operationName.isBlank()
                ? GenerationOperation.INPAINT
                : GenerationOperation.valueOf(operationName.strip().toUpperCase(java.util.Locale.ROOT));
        if (generator.sendsPixelsOffSite() && input.image().source().mayCarryBurnedInText()) {
            throw new GenerationRefusedException("Refused to send SOP Instance " + input.image().source().original()
                    + " to generator '" + generator.name() + "': its pixels may carry burned-in text (Burned In"
                    + " Annotation YES, or a modality in synthgate.deid.burned-in-text-modalities) and no"
                    + " pixel-cleaning rule covers it");
        }
        GenerationOutcome outcome = generator.generate(new GenerationRequest(operation, PixelPlanes.of(input.image()),
                input.mask(), null, 0L));
        if (outcome.status() != GenerationOutcome.Status.OK) {
            throw new GenerationRefusedException("Generator '" + generator.name() + "' answered " + outcome.status()
                    + " for SOP Instance " + input.image().source().original() + ": " + outcome.detail());
        }
        Object samples = Compositor.composite(input.image(), input.mask(), outcome.candidates().get(0));
        FidelityMetrics metrics = FidelityMeter.measure(input.image(), input.mask(), samples);
        if (metrics.maxAbsoluteDifferenceOutsideMask() != 0) {
            throw new IllegalStateException("Compositing changed pixels outside the mask of SOP Instance "
                    + input.image().source().original() + " by up to " + metrics.maxAbsoluteDifferenceOutsideMask());
        }
        return new GeneratedImage(input, operation, generator.identity(), samples, metrics);
    }
}
