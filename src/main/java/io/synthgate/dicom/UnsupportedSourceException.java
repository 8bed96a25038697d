package io.synthgate.dicom;

/** A stored object that cannot become a synthetic image; the message names the object and the reason. */
public class UnsupportedSourceException extends Exception {

    public UnsupportedSourceException(String message) {
        super(message);
    }

    public UnsupportedSourceException(String message, Throwable cause) {
        super(message, cause);
    }
}
