package io.synthgate.generator;

/** A generator answered without a usable candidate; the message carries its outcome and detail. */
public class GenerationRefusedException extends Exception {

    public GenerationRefusedException(String message) {
        super(message);
    }
}
