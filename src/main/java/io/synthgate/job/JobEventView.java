package io.synthgate.job;

import java.time.Instant;

/** One transition from a job's audit trail. */
public record JobEventView(JobState from, JobState to, String reason, Instant at) {
}
