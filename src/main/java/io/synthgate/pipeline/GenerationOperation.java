package io.synthgate.pipeline;

/** What a generator is asked to do; the name is the last value of the output's Image Type. */
public enum GenerationOperation {
    INPAINT,
    OUTPAINT,
    ERASE,
    TXT2IMG
}
