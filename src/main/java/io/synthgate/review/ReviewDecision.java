package io.synthgate.review;

import java.time.Instant;
import java.util.UUID;

/**
 * One recorded verdict, as the REST API shows it.
 *
 * @param jobId the candidate's job
 * @param sopInstanceUid the candidate
 * @param decision APPROVED or REJECTED
 * @param grade the grade given, if any
 * @param comment the comment given, if any
 * @param reviewer who decided
 * @param decidedAt when
 */
public record ReviewDecision(UUID jobId, String sopInstanceUid, String decision, Integer grade, String comment,
        String reviewer, Instant decidedAt) {
}
