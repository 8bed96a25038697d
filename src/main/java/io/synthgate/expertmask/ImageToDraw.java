package io.synthgate.expertmask;

import io.synthgate.dicom.SopInstanceUid;
import java.nio.file.Path;
import java.util.Optional;

/**
 * An image a researcher draws a mask on: the clinical UID the pipeline knows it by, and its
 * de-identified copy, which is all the pages show.
 *
 * @param original the clinical SOP Instance UID, never shown
 * @param sopInstanceUid the de-identified copy's SOP Instance UID
 * @param file the de-identified copy
 * @param columns its columns
 * @param rows its rows
 * @param frames its frames
 * @param bodyPart its Body Part Examined, if any
 * @param burnedInTextRisk why its pixels may show burned-in text, if anything suggests it
 */
record ImageToDraw(SopInstanceUid original, String sopInstanceUid, Path file, int columns, int rows, int frames,
        Optional<String> bodyPart, Optional<String> burnedInTextRisk) {
}
