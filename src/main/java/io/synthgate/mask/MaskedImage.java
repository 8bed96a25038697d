package io.synthgate.mask;

import io.synthgate.pixels.SourceImage;

/** A source image with the mask that says which of its pixels to regenerate. */
public record MaskedImage(SourceImage image, MaskSpec spec, Mask mask) {
}
