package io.synthgate.image;

import io.synthgate.pixels.PixelLayout;
import java.lang.reflect.Array;

/**
 * Native YBR_FULL_422 pixels (PS3.3 C.7.6.3.1.2): each pair of pixels in a row stores its two
 * luminance samples and one shared pair of chroma samples, Y1 Y2 Cb Cr, so the data holds two samples
 * per pixel although Samples per Pixel says 3. The pipeline works on one sample of each per pixel, so
 * the shared chroma is repeated for both pixels of the pair.
 */
final class ChromaSubsampling {

    private ChromaSubsampling() {
    }

    /** Whether {@code layout} describes horizontally subsampled full-range chroma, YBR_FULL_422. */
    static boolean isHorizontal422(PixelLayout layout) {
        return layout.samplesPerPixel() == 3 && "YBR_FULL_422".equals(layout.photometricInterpretation());
    }

    /** The layout of the same image with a chroma sample pair for every pixel: YBR_FULL. */
    static PixelLayout fullLayout(PixelLayout layout) {
        return new PixelLayout(layout.rows(), layout.columns(), 3, layout.bitsAllocated(), layout.bitsStored(),
                layout.highBit(), layout.signed(), "YBR_FULL");
    }

    /**
     * Three samples per pixel, colour-by-pixel, from {@code subsampled} (a {@code byte[]} or
     * {@code short[]} of Y1 Y2 Cb Cr per pair of pixels; an odd last column has a pair of its own).
     *
     * @throws IllegalArgumentException when the data is shorter than the image needs
     */
    static Object toFull(Object subsampled, PixelLayout layout) {
        int rows = layout.rows();
        int columns = layout.columns();
        int pairsPerRow = (columns + 1) / 2;
        int needed = rows * pairsPerRow * 4;
        int length = Array.getLength(subsampled);
        if (length < needed) {
            throw new IllegalArgumentException("4:2:2 Pixel Data holds " + length + " samples; " + columns + "x" + rows
                    + " pixels need " + needed);
        }
        Object full = Array.newInstance(subsampled.getClass().getComponentType(), rows * columns * 3);
        for (int row = 0; row < rows; row++) {
            for (int column = 0; column < columns; column++) {
                int pair = (row * pairsPerRow + column / 2) * 4;
                int at = (row * columns + column) * 3;
                System.arraycopy(subsampled, pair + column % 2, full, at, 1);
                System.arraycopy(subsampled, pair + 2, full, at + 1, 2);
            }
        }
        return full;
    }
}
