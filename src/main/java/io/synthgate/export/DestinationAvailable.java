package io.synthgate.export;

/** A destination that was unreachable answers again; exports waiting for it may resume. */
public record DestinationAvailable(String destination) {
}
