package io.synthgate.generator;

import io.synthgate.mask.Mask;
import io.synthgate.pixels.PixelPlanes;
import java.util.Objects;

/** One call to a generator: the image, the mask (set = regenerate), and what to make of it. */
public record GenerationRequest(GenerationOperation operation, PixelPlanes image, Mask mask, String prompt, long seed) {

    public GenerationRequest {
        Objects.requireNonNull(operation, "operation");
        if (operation != GenerationOperation.TXT2IMG) {
            Objects.requireNonNull(image, "image");
            Objects.requireNonNull(mask, "mask");
            if (mask.columns() != image.columns() || mask.rows() != image.rows()) {
                throw new IllegalArgumentException("Mask " + mask.columns() + "x" + mask.rows() + " does not match image "
                        + image.columns() + "x" + image.rows());
            }
        }
    }
}
