package io.synthgate.generator;

import io.synthgate.failure.RefusedException;

/** A generator answered without a usable candidate; the message carries its outcome and detail. */
public class GenerationRefusedException extends RefusedException {

    public GenerationRefusedException(String message) {
        super(message);
    }
}
