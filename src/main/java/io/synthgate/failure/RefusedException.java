package io.synthgate.failure;

/**
 * SynthGate, or a provider it called, refused on purpose (a policy, a spent budget, a content filter):
 * doing the same again gives the same answer, so it is never retried. HTTP 422.
 */
public class RefusedException extends Exception {

    public RefusedException(String message) {
        super(message);
    }
}
