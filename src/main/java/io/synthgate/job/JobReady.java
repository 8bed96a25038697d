package io.synthgate.job;

import java.util.UUID;

/** CDI event: a job was committed in {@link JobState#PROCESSING} and waits for its pipeline. */
public record JobReady(UUID jobId) {
}
