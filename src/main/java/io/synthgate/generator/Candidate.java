package io.synthgate.generator;

import io.synthgate.pixels.Planes;
import java.util.OptionalLong;

/**
 * One generated image, already mapped back to the source's geometry and stored-value range.
 *
 * @param pixels the candidate's values; only its masked pixels are ever used
 * @param seed the seed the candidate was made with: as the provider reports it, else as sent to a
 *        provider that honours seeds; empty when no seed is known (OpenAI takes none)
 * @param resampled whether the pixels were scaled on the way to the provider or back (DICOM
 *        derivation code 113085, spatial resampling)
 * @param method how the generator made the pixels, in its own words, where it chooses among methods
 *        (the built-in one says whether its patch completion filled the region or why it did not);
 *        empty otherwise
 */
public record Candidate(Planes pixels, OptionalLong seed, boolean resampled, String method) {

    /** A candidate from a generator that has one method only. */
    public Candidate(Planes pixels, OptionalLong seed, boolean resampled) {
        this(pixels, seed, resampled, "");
    }
}
