package io.synthgate.generator;

import io.synthgate.deid.DeidentifiedSource;
import io.synthgate.experiment.GenerationBudget;
import io.synthgate.experiment.Pipeline;
import io.synthgate.mask.MaskedImage;
import io.synthgate.pixels.Compositor;
import io.synthgate.pixels.FidelityMeter;
import io.synthgate.pixels.FidelityMetrics;
import io.synthgate.pixels.PixelPlanes;
import io.synthgate.pixels.Rendering;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Header;

/**
 * Route step {@code generateStep}: asks the chosen generator for a candidate for a masked image and
 * composites it back into the source, so only masked pixels can change. Refuses, before anything is
 * sent, an image that may carry burned-in text to a generator off site, and a request that the
 * experiment's daily budget cannot pay for.
 */
@ApplicationScoped
@Named("generateStep")
public class GenerateStep {

    /** The prompt an erase asks for when the route gives none: the element gone, the tissue continued. */
    static final String DEFAULT_ERASE_PROMPT = "the same {bodyPart} X-ray with the marked element removed";
    private static final int CANDIDATES = 1;

    private final GeneratorRegistry generators;
    private final GenerationBudget budget;

    public GenerateStep(GeneratorRegistry generators, GenerationBudget budget) {
        this.generators = generators;
        this.budget = budget;
    }

    public GeneratedImage generate(MaskedImage input, @Header(Pipeline.GENERATOR) String generatorName,
            @Header(Pipeline.OPERATION) String operationName, @Header(Pipeline.PROMPT) String promptTemplate,
            @Header(Pipeline.NEGATIVE_PROMPT) String negativeTemplate, @Header(Pipeline.SEED) String seedPolicy,
            @Header(Pipeline.EXPERIMENT) String experiment, @ExchangeProperty(Pipeline.JOB_ID) UUID jobId)
            throws GenerationRefusedException {
        Generator generator = generators.get(generatorName);
        GenerationOperation operation = operationName == null || operationName.isBlank()
                ? GenerationOperation.INPAINT
                : GenerationOperation.valueOf(operationName.strip().toUpperCase(Locale.ROOT));
        DeidentifiedSource source = input.image().source();
        if (generator.sendsPixelsOffSite() && source.mayCarryBurnedInText()) {
            throw new GenerationRefusedException("Refused to send SOP Instance " + source.original()
                    + " to generator '" + generator.name() + "': its pixels may carry burned-in text (Burned In"
                    + " Annotation YES, or a modality in synthgate.deid.burned-in-text-modalities) and no"
                    + " pixel-cleaning rule covers it");
        }
        String template = (promptTemplate == null || promptTemplate.isBlank()) && operation == GenerationOperation.ERASE
                ? DEFAULT_ERASE_PROMPT : promptTemplate;
        String prompt = PromptTemplate.expand(template, input.image().description());
        String negativePrompt = PromptTemplate.expand(negativeTemplate, input.image().description());
        OptionalLong seed = SeedPolicy.seedFor(seedPolicy, jobId + "/" + source.sopInstanceUid());
        if (!budget.reserve(experiment, CANDIDATES)) {
            throw new GenerationRefusedException("Experiment '" + experiment + "' has spent its budget of "
                    + budget.limit(experiment).getAsInt() + " images for today (synthgate.budget." + experiment
                    + ".images-per-day); nothing was sent. Retry the job tomorrow: POST /api/jobs/" + jobId + "/retry");
        }
        Rendering rendering = Rendering.of(input.image());
        GenerationOutcome outcome;
        try {
            outcome = generator.generate(new GenerationRequest(operation, PixelPlanes.of(input.image()), rendering,
                    input.mask(), prompt, negativePrompt, seed, CANDIDATES, String.valueOf(jobId),
                    source.deidentificationMethod()));
        } catch (RuntimeException e) {
            budget.release(experiment, CANDIDATES);
            throw e;
        }
        budget.release(experiment, CANDIDATES - outcome.candidates().size());
        if (outcome.status() != GenerationOutcome.Status.OK) {
            throw new GenerationRefusedException("Generator '" + generator.name() + "' answered " + outcome.describe()
                    + " for SOP Instance " + source.original());
        }
        Candidate candidate = outcome.candidates().get(0);
        Object samples = Compositor.composite(input.image(), input.mask(), candidate.pixels());
        FidelityMetrics metrics = FidelityMeter.measure(input.image(), input.mask(), samples);
        if (metrics.maxAbsoluteDifferenceOutsideMask() != 0) {
            throw new IllegalStateException("Compositing changed pixels outside the mask of SOP Instance "
                    + source.original() + " by up to " + metrics.maxAbsoluteDifferenceOutsideMask());
        }
        GeneratedImage.Provenance provenance = new GeneratedImage.Provenance(prompt, negativePrompt,
                candidate.seed(), outcome.detail().requestId(), outcome.status(),
                candidate.resampled(), generator.sampling(),
                generator.sendsPixelsOffSite() ? Optional.of(rendering) : Optional.empty());
        return new GeneratedImage(input, operation, generator.identity(), provenance, samples, metrics);
    }
}
