package io.synthgate.pixels;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;

/**
 * Attributes of a source image that its synthetic copy keeps because they describe the pixels,
 * not the patient: modality, body part, how to display the values, and the physical size of a pixel
 * ({@code pixelSpacing}: Pixel Spacing, else Imager Pixel Spacing, as row and column spacing in mm).
 * {@code lookupTables} holds the source's Modality LUT Sequence, VOI LUT Sequence and VOI LUT
 * Function where it has them, as read; nobody changes them, so the synthetic copy's stored values
 * keep their meaning and show as the source's did.
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
        String pixelSpacing,
        AttributeList lookupTables) {

    /** Modality LUT Sequence (0028,3000), which PixelMed's dictionary does not name. */
    public static final AttributeTag MODALITY_LUT_SEQUENCE = new AttributeTag(0x0028, 0x3000);

    /** A description of a source without lookup tables. */
    public ImageDescription(String modality, String bodyPartExamined, String laterality, String instanceNumber,
            String rescaleIntercept, String rescaleSlope, String rescaleType, String windowCenter, String windowWidth,
            String pixelSpacing) {
        this(modality, bodyPartExamined, laterality, instanceNumber, rescaleIntercept, rescaleSlope, rescaleType,
                windowCenter, windowWidth, pixelSpacing, new AttributeList());
    }
}
