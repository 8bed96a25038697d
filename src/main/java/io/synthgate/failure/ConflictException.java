package io.synthgate.failure;

/**
 * The request is valid but the thing it acts on is not in a state that allows it (retrying a job
 * that did not fail, a verdict on a candidate already decided). HTTP 409.
 */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
