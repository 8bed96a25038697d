package io.synthgate.review;

/**
 * A reviewer's verdict on one candidate, the body of {@code POST /api/reviews/{sopInstanceUid}}. Who
 * decides is the signed-in user, never a name in the body (a {@code reviewer} field is ignored).
 *
 * @param decision {@code APPROVED} or {@code REJECTED}; required
 * @param grade an optional quality grade, 1 (unusable) to 5 (indistinguishable from real)
 * @param comment an optional comment, at most 2000 characters
 */
public record ReviewRequest(String decision, Integer grade, String comment) {
}
