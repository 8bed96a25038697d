package io.synthgate.expertmask;

import java.util.List;

/**
 * An image that waits for, or was given, an expert mask: its de-identified identity and size, and its
 * mask's versions, newest first.
 *
 * @param image its number among the job's images, from 1
 * @param sopInstanceUid the de-identified copy's SOP Instance UID
 * @param columns its columns
 * @param rows its rows
 * @param frames its frames; a mask drawn on the first is used on every one
 * @param bodyPart its Body Part Examined; null when it names none
 * @param burnedInTextRisk why its pixels may show burned-in text; null when nothing suggests it
 * @param versions its mask's versions, newest first; empty while it has none
 */
public record MaskImageView(int image, String sopInstanceUid, int columns, int rows, int frames, String bodyPart,
        String burnedInTextRisk, List<MaskVersionView> versions) {

    public MaskImageView {
        versions = List.copyOf(versions);
    }

    /** The version a job goes on with; null while it has none. */
    public MaskVersionView latest() {
        return versions.isEmpty() ? null : versions.get(0);
    }
}
