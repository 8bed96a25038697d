package io.synthgate.failure;

/** The request names something wrong (a value out of range, an unknown name): the caller fixes it. HTTP 400. */
public class InvalidRequestException extends RuntimeException {

    public InvalidRequestException(String message) {
        super(message);
    }
}
