package io.synthgate.pixels;

/**
 * Attributes of a source image that its synthetic copy keeps because they describe the pixels,
 * not the patient: modality, body part, and how to display the values.
 */
public record ImageDescription(
        String modality,
        String bodyPartExamined,
        String laterality,
        String instanceNumber,
        String rescaleIntercept,
        String rescaleSlope,
        String rescaleType,
        String windowCenter,
        String windowWidth) {
}
