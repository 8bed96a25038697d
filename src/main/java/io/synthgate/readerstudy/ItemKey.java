package io.synthgate.readerstudy;

import java.util.UUID;

/**
 * What an image of a reading set is: the key to the study, for admins and researchers only.
 *
 * @param item its id, as readers see it
 * @param number its place in the set as built, from 1
 * @param truth REAL or SYNTHETIC
 * @param sopInstanceUid the synthetic object, or the de-identified original
 * @param bodyPart its Body Part Examined
 * @param operation the operation that made the synthetic images of its experiment
 */
public record ItemKey(UUID item, int number, String truth, String sopInstanceUid, String bodyPart, String operation) {
}
