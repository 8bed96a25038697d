package io.synthgate.generator;

import io.synthgate.image.Rendering;
import io.synthgate.mask.Mask;
import io.synthgate.pipeline.GenerationOperation;
import io.synthgate.pixels.Planes;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One call to a generator.
 *
 * @param operation what to make
 * @param image the source pixels in stored values (null for text-to-image)
 * @param rendering how {@code image} maps to 8-bit display values and back (null for text-to-image)
 * @param mask which pixels to regenerate, same size as {@code image} (null for text-to-image)
 * @param prompt the text prompt; may be empty for a classical generator
 * @param negativePrompt what the result should not show; may be empty
 * @param seed the seed to ask for; empty lets the provider choose (the reported seed is kept)
 * @param candidates how many results to ask for, at least 1
 * @param size the picture size to ask the generator for; empty uses the generator's configured size
 * @param reference a pseudonymous reference for the provider's abuse monitoring and request id: the
 *        job id, never anything about the patient
 * @param deidentificationMethod how {@code image} was de-identified (Deidentification Method of the
 *        de-identified source); the egress guard sends no pixels without one
 */
public record GenerationRequest(GenerationOperation operation, Planes image, Rendering rendering, Mask mask,
        String prompt, String negativePrompt, OptionalLong seed, int candidates, Optional<CanvasSize> size,
        String reference, String deidentificationMethod) {

    public GenerationRequest {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(seed, "seed");
        Objects.requireNonNull(size, "size");
        prompt = prompt == null ? "" : prompt;
        negativePrompt = negativePrompt == null ? "" : negativePrompt;
        if (candidates < 1) {
            throw new IllegalArgumentException("A generation asks for at least one candidate, not " + candidates);
        }
        if (operation != GenerationOperation.TXT2IMG) {
            Objects.requireNonNull(image, "image");
            Objects.requireNonNull(rendering, "rendering");
            Objects.requireNonNull(mask, "mask");
            if (mask.columns() != image.columns() || mask.rows() != image.rows()) {
                throw new IllegalArgumentException("Mask " + mask.columns() + "x" + mask.rows() + " does not match image "
                        + image.columns() + "x" + image.rows());
            }
        }
    }

    /** Whether the request carries pixels (every operation but text-to-image). */
    public boolean hasImage() {
        return image != null;
    }
}
