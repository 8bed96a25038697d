package io.synthgate.generator;

import io.synthgate.masking.MaskedStack;
import io.synthgate.pipeline.GenerationOperation;
import io.synthgate.pixels.FidelityMetrics;
import java.nio.file.Path;

/**
 * A frame stack whose every frame was generated and composited, frame by frame: the frames lie in a
 * spool temporary file (stored samples, little endian, colour-by-pixel, frame after frame) until the
 * wrap step streams them into the synthetic object and discards the file.
 *
 * @param input the masked stack
 * @param operation what the generator was asked to do
 * @param generator who made the pixels
 * @param provenance how the first frame was asked for; every frame shares prompt and generator
 * @param frames the temporary file of composited frames
 * @param metrics fidelity over all frames
 */
public record GeneratedStack(MaskedStack input, GenerationOperation operation, GeneratorIdentity generator,
        GeneratedImage.Provenance provenance, Path frames, FidelityMetrics metrics) {
}
