package io.synthgate.pixels;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.TagFromName;

/** How an image's samples are stored (PS3.3 C.7.6.3, Image Pixel module). */
public record PixelLayout(
        int rows,
        int columns,
        int samplesPerPixel,
        int bitsAllocated,
        int bitsStored,
        int highBit,
        boolean signed,
        String photometricInterpretation) {

    public PixelLayout {
        if (rows <= 0 || columns <= 0) {
            throw new IllegalArgumentException("Image has no pixels: " + columns + "x" + rows);
        }
        if (samplesPerPixel != 1 && samplesPerPixel != 3) {
            throw new IllegalArgumentException("Samples per Pixel " + samplesPerPixel + " is not 1 or 3");
        }
        if (bitsAllocated != 8 && bitsAllocated != 16) {
            throw new IllegalArgumentException("Bits Allocated " + bitsAllocated + " is not supported (8 or 16)");
        }
        if (bitsStored < 1 || bitsStored > bitsAllocated || highBit != bitsStored - 1) {
            throw new IllegalArgumentException("Bits Stored " + bitsStored + " / High Bit " + highBit
                    + " do not fit Bits Allocated " + bitsAllocated);
        }
    }

    /** The layout an object's Image Pixel module describes; throws {@link IllegalArgumentException} when it is unusable. */
    public static PixelLayout of(AttributeList list) {
        return new PixelLayout(
                Attribute.getSingleIntegerValueOrDefault(list, TagFromName.Rows, 0),
                Attribute.getSingleIntegerValueOrDefault(list, TagFromName.Columns, 0),
                Attribute.getSingleIntegerValueOrDefault(list, TagFromName.SamplesPerPixel, 1),
                Attribute.getSingleIntegerValueOrDefault(list, TagFromName.BitsAllocated, 0),
                Attribute.getSingleIntegerValueOrDefault(list, TagFromName.BitsStored, 0),
                Attribute.getSingleIntegerValueOrDefault(list, TagFromName.HighBit, -1),
                Attribute.getSingleIntegerValueOrDefault(list, TagFromName.PixelRepresentation, 0) == 1,
                Attribute.getSingleStringValueOrDefault(list, TagFromName.PhotometricInterpretation, "MONOCHROME2"));
    }

    public int pixelCount() {
        return rows * columns;
    }

    /** Smallest storable sample value. */
    public int minValue() {
        return signed ? -(1 << (bitsStored - 1)) : 0;
    }

    /** Largest storable sample value. */
    public int maxValue() {
        return signed ? (1 << (bitsStored - 1)) - 1 : (1 << bitsStored) - 1;
    }
}
