package io.synthgate.mask;

import io.synthgate.pixels.FrameStack;

/** A frame stack with the mask that says which pixels of every frame to regenerate. */
public record MaskedStack(FrameStack stack, MaskSpec spec, Mask mask) {
}
