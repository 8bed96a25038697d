package io.synthgate.readerstudy;

import java.util.UUID;

/**
 * A reader's answer on one image.
 *
 * @param item the image's id
 * @param answer REAL or SYNTHETIC
 * @param confidence how sure, 1 (guess) to 5 (certain)
 * @param plausibility how plausible the anatomy looks, 1 (impossible) to 5 (entirely)
 */
public record ReadingRequest(UUID item, String answer, Integer confidence, Integer plausibility) {
}
