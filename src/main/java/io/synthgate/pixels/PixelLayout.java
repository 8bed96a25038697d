package io.synthgate.pixels;

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
