package io.synthgate.job;

import java.time.Instant;
import java.util.UUID;

/**
 * A job as the REST API and other features see it.
 *
 * @param instancesOf the job whose instances it processes: itself, or for a job the routing rules
 *     opened for a further experiment, the study's job that collected them
 * @param filesRemovedAt when retention removed its files (it can no longer be retried); null while kept
 * @param owner the replica holding the job now (running it, or removing its files); null when none does
 */
public record JobView(
        UUID id,
        String studyInstanceUid,
        String experiment,
        UUID instancesOf,
        JobOrigin origin,
        JobState state,
        String reason,
        int instanceCount,
        Instant createdAt,
        Instant updatedAt,
        Instant filesRemovedAt,
        String owner) {

    /**
     * The job without its clinical Study Instance UID, which links the synthetic outputs back to the
     * patient's study: what every role but admin sees.
     */
    public JobView withoutClinicalLink() {
        return new JobView(id, null, experiment, instancesOf, origin, state, reason, instanceCount, createdAt, updatedAt,
                filesRemovedAt, owner);
    }
}
