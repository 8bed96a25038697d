package io.synthgate.review;

/**
 * A reviewer's verdict on one candidate, the body of {@code POST /api/reviews/{sopInstanceUid}}.
 *
 * @param decision {@code APPROVED} or {@code REJECTED}; required
 * @param reviewer who decides (user name or initials, 1-64 characters); required
 * @param grade an optional quality grade, 1 (unusable) to 5 (indistinguishable from real)
 * @param comment an optional comment, at most 2000 characters
 */
public record ReviewRequest(String decision, String reviewer, Integer grade, String comment) {
}
