package io.synthgate.generator;

import io.synthgate.pixels.WindowChoice;

/** A source of synthetic pixels. Implementations are CDI beans registered under {@link #name()}. */
public interface Generator {

    /** The name routes and config use ({@code synthgate.generator.default}, the generate step's header). */
    String name();

    /** The model this generator runs, recorded in every output's provenance. */
    GeneratorIdentity identity();

    /**
     * Whether pixels leave this machine when the generator runs. Images that may carry burned-in text
     * are never sent to such a generator. Default {@code true}: only a generator that provably
     * computes locally says otherwise.
     */
    default boolean sendsPixelsOffSite() {
        return true;
    }

    /**
     * Whether the generator reads the prompt. A classical one does not, and its outputs record none,
     * so that no object claims a prompt that was never sent.
     */
    default boolean readsPrompt() {
        return true;
    }

    /** The diffusion settings recorded with each output; none for a classical generator. */
    default SamplingParameters sampling() {
        return SamplingParameters.NONE;
    }

    /** Which values the 8-bit picture it is sent spans; the image's own range unless configured. */
    default WindowChoice window() {
        return WindowChoice.IMAGE_RANGE;
    }

    /** Generates candidates for the request; a refusal is an outcome, not an exception. */
    GenerationOutcome generate(GenerationRequest request);
}
