package io.synthgate.pixels;

/**
 * Attributes of a source image that its synthetic copy keeps because they describe the pixels,
 * not the patient: modality, body part, how to display the values, and the physical size of a pixel
 * ({@code pixelSpacing}: Pixel Spacing, else Imager Pixel Spacing, as row and column spacing in mm).
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
        String windowWidth,
        String pixelSpacing) {
}
