package io.synthgate.generator;

import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * The diffusion settings a generator runs with, as recorded in each output's provenance
 * (elements 1006-1008 of the private block): empty where the generator has no such setting.
 *
 * @param denoise denoising strength / creativity, 0-1
 * @param steps sampling steps
 * @param guidance classifier-free guidance scale (CFG)
 */
public record SamplingParameters(OptionalDouble denoise, OptionalInt steps, OptionalDouble guidance) {

    public static final SamplingParameters NONE = new SamplingParameters(OptionalDouble.empty(), OptionalInt.empty(),
            OptionalDouble.empty());
}
