package io.synthgate.export;

import java.time.Duration;

/**
 * A destination cannot be reached, has no room, or cannot confirm stores, so the job's export waits for
 * it rather than failing: retrying at once cannot help, waiting for the destination can.
 */
public class DestinationUnavailableException extends ExportFailedException {

    private final String destination;
    private final Duration outage;

    /** For an export finding the destination as {@code status} says. */
    public DestinationUnavailableException(Destination destination, Duration outage, DestinationWatch.Status status) {
        this(destination, outage, status.predicate());
    }

    /** For an export that could not connect: the destination is unreachable for {@code problem}. */
    public DestinationUnavailableException(Destination destination, String problem) {
        this(destination, Duration.ZERO, "is unreachable: " + problem);
    }

    private DestinationUnavailableException(Destination destination, Duration outage, String predicate) {
        super(destination + " " + predicate, null);
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
