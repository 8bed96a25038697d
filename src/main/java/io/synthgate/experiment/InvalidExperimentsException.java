package io.synthgate.experiment;

import java.util.List;

/** The experiments' configuration has problems; SynthGate does not start until they are fixed. */
public class InvalidExperimentsException extends RuntimeException {

    InvalidExperimentsException(List<String> problems) {
        super("The experiments cannot be loaded:\n  - " + String.join("\n  - ", problems));
    }
}
