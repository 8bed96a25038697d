package io.synthgate.failure;

/** A peer is unavailable or failed for now (a PACS down, a timeout): the same request may succeed later. HTTP 503. */
public class RetryableException extends Exception {

    public RetryableException(String message) {
        super(message);
    }

    public RetryableException(String message, Throwable cause) {
        super(message, cause);
    }
}
