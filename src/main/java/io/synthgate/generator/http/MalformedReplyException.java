package io.synthgate.generator.http;

/** A provider answered, but not in the shape its API documents. */
class MalformedReplyException extends Exception {

    MalformedReplyException(String message) {
        super(message);
    }
}
