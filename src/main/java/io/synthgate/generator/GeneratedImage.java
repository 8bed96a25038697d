package io.synthgate.generator;

import io.synthgate.mask.MaskedImage;

/**
 * A generator's candidate composited into the source: {@code storedSamples} has the source's layout
 * and equals the source's stored samples outside the mask.
 */
public record GeneratedImage(MaskedImage input, GenerationOperation operation, GeneratorIdentity generator,
        Object storedSamples) {
}
