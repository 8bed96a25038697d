package io.synthgate.export;

/** Some outputs were not accepted by their destination; worth retrying later. */
public class ExportFailedException extends Exception {

    public ExportFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
