package io.synthgate.job;

import java.util.Objects;
import java.util.UUID;

/** The body that enters an experiment route: which job to run. */
public record JobTicket(UUID jobId) {

    public JobTicket {
        Objects.requireNonNull(jobId, "jobId");
    }
}
