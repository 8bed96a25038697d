package io.synthgate.masking;

import io.synthgate.image.FrameStack;
import io.synthgate.mask.Mask;
import io.synthgate.mask.MaskSpec;

/** A frame stack with the mask that says which pixels of every frame to regenerate. */
public record MaskedStack(FrameStack stack, MaskSpec spec, Mask mask) {
}
