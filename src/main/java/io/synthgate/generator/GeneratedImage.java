package io.synthgate.generator;

import io.synthgate.mask.MaskedImage;
import io.synthgate.pixels.FidelityMetrics;

/**
 * A generator's candidate composited into the source: {@code storedSamples} has the source's layout
 * and equals the source's stored samples outside the mask; {@code metrics} compare it with the source.
 */
public record GeneratedImage(MaskedImage input, GenerationOperation operation, GeneratorIdentity generator,
        Object storedSamples, FidelityMetrics metrics) {
}
