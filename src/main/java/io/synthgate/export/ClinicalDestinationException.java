package io.synthgate.export;

/** A route tried to send synthetic objects to a clinical destination; never retried. */
public class ClinicalDestinationException extends RuntimeException {

    public ClinicalDestinationException(Destination destination) {
        super("Refused to send synthetic objects to " + destination
                + ": destinations of kind clinical never receive synthetic data");
    }
}
