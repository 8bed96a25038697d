package io.synthgate.export;

import io.synthgate.failure.RetryableException;

/** Some outputs were not accepted by their destination; worth retrying later. */
public class ExportFailedException extends RetryableException {

    public ExportFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
