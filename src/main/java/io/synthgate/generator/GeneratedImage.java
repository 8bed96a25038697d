package io.synthgate.generator;

import io.synthgate.image.Rendering;
import io.synthgate.masking.MaskedImage;
import io.synthgate.pipeline.GenerationOperation;
import io.synthgate.pixels.FidelityMetrics;
import io.synthgate.pixels.PixelBox;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A generator's candidate composited into the source: {@code storedSamples} has the source's layout
 * and equals the source's stored samples outside the mask; {@code metrics} compare it with the source.
 *
 * @param input the masked source; for a chained outpainting, the whole chain as one outpainting
 * @param operation what the generator was asked to do
 * @param generator who made the pixels
 * @param provenance how they were asked for and what the provider reported (the first step's)
 * @param storedSamples the composited samples
 * @param metrics fidelity against the source
 * @param candidateIndex which candidate of the image, from 0
 * @param steps every request of a chained outpainting, in order; the one request otherwise
 * @param stages the image at each stage of its outpainting, in the result's pixel coordinates, first the
 *     original source (of the first job, for an output sent back in), last the whole result; empty when
 *     neither this image nor its source was outpainted
 */
public record GeneratedImage(MaskedImage input, GenerationOperation operation, GeneratorIdentity generator,
        Provenance provenance, Object storedSamples, FidelityMetrics metrics, int candidateIndex,
        List<Provenance> steps, List<PixelBox> stages) {

    public GeneratedImage {
        steps = List.copyOf(steps);
        stages = List.copyOf(stages);
    }

    /**
     * The request and the provider's answer, as recorded in the synthetic object.
     *
     * @param prompt the prompt sent; empty when the generator reads none
     * @param negativePrompt the negative prompt sent; empty when none was
     * @param seed the seed used: as the provider reported it, else as asked for
     * @param requestId the provider's request id
     * @param outcome the provider's outcome class
     * @param resampled whether the candidate was scaled to and from the provider's size
     * @param sampling the generator's diffusion settings
     * @param exportWindow the window that mapped stored values to the 8-bit picture sent off site;
     *        empty when no pixel left the gateway
     * @param method how the generator made the pixels, where it chooses among methods; empty otherwise
     */
    public record Provenance(String prompt, String negativePrompt, OptionalLong seed, Optional<String> requestId,
            GenerationOutcome.Status outcome, boolean resampled, SamplingParameters sampling,
            Optional<Rendering> exportWindow, String method) {
    }
}
