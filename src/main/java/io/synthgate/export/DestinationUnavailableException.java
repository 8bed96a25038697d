package io.synthgate.export;

import java.time.Duration;

/**
 * A destination cannot be reached, so the job's export waits for it rather than failing: retrying at
 * once cannot help, waiting for the destination can.
 */
public class DestinationUnavailableException extends ExportFailedException {

    private final String destination;
    private final Duration outage;

    public DestinationUnavailableException(Destination destination, Duration outage, String problem) {
        super(destination + " is unreachable: " + problem, null);
        this.destination = destination.name();
        this.outage = outage;
    }

    /** The destination's name. */
    public String destination() {
        return destination;
    }

    /** How long it has been unreachable so far. */
    public Duration outage() {
        return outage;
    }
}
