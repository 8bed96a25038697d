package io.synthgate.mask;

import io.synthgate.pixels.PixelLayout;

/**
 * How far outpainting grows an image's canvas on each side, in pixels. The source keeps its pixels
 * at ({@code left}, {@code top}) of the grown canvas, on the same pixel grid (so the same Pixel
 * Spacing); the new border is what the generator paints.
 */
public record CanvasGrowth(int top, int right, int bottom, int left) {

    /** No growth: the canvas is the source's. */
    public static final CanvasGrowth NONE = new CanvasGrowth(0, 0, 0, 0);
    /** Largest side of a grown canvas; Rows and Columns are 16-bit, and generators take far less. */
    static final int MAX_SIDE = 16384;

    public CanvasGrowth {
        if (top < 0 || right < 0 || bottom < 0 || left < 0) {
            throw new IllegalArgumentException("A canvas cannot shrink: " + top + " " + right + " " + bottom + " " + left);
        }
    }

    public boolean isNone() {
        return top == 0 && right == 0 && bottom == 0 && left == 0;
    }

    /** The grown canvas's layout: the source's, with more rows and columns. */
    public PixelLayout grow(PixelLayout source) {
        int columns = left + source.columns() + right;
        int rows = top + source.rows() + bottom;
        if (columns > MAX_SIDE || rows > MAX_SIDE) {
            throw new IllegalArgumentException("Growing a " + source.columns() + "x" + source.rows() + " image by " + this
                    + " makes a " + columns + "x" + rows + " canvas, more than " + MAX_SIDE + " on a side");
        }
        return new PixelLayout(rows, columns, source.samplesPerPixel(), source.bitsAllocated(), source.bitsStored(),
                source.highBit(), source.signed(), source.photometricInterpretation());
    }

    /**
     * Samples stored in {@code from}'s layout, on the grown canvas. Each new pixel starts as a copy of
     * the nearest edge pixel: a generator that reads the masked pixels continues the edge rather than
     * a black frame, and the generator paints every one of them anyway.
     */
    public Object grow(Object stored, PixelLayout from) {
        PixelLayout to = grow(from);
        int spp = from.samplesPerPixel();
        Object samples = from.bitsAllocated() == 16 ? new short[to.pixelCount() * spp] : new byte[to.pixelCount() * spp];
        for (int y = 0; y < to.rows(); y++) {
            int sourceRow = Math.min(Math.max(y - top, 0), from.rows() - 1);
            for (int x = 0; x < to.columns(); x++) {
                int sourceColumn = Math.min(Math.max(x - left, 0), from.columns() - 1);
                System.arraycopy(stored, (sourceRow * from.columns() + sourceColumn) * spp, samples,
                        (y * to.columns() + x) * spp, spp);
            }
        }
        return samples;
    }

    /** The exact inverse of {@link #grow(Object, PixelLayout)} for any samples on the grown canvas: the source's region. */
    public Object crop(Object grownSamples, PixelLayout source) {
        int spp = source.samplesPerPixel();
        int grownColumns = left + source.columns() + right;
        Object samples = grownSamples instanceof short[] ? new short[source.pixelCount() * spp]
                : new byte[source.pixelCount() * spp];
        for (int y = 0; y < source.rows(); y++) {
            System.arraycopy(grownSamples, ((y + top) * grownColumns + left) * spp, samples, y * source.columns() * spp,
                    source.columns() * spp);
        }
        return samples;
    }

    /** The grown canvas's mask: the new border, and {@code inner} (a mask over the source) moved into place. */
    public Mask embed(Mask inner) {
        Mask mask = new Mask(left + inner.columns() + right, top + inner.rows() + bottom);
        for (int y = 0; y < mask.rows(); y++) {
            for (int x = 0; x < mask.columns(); x++) {
                int sx = x - left;
                int sy = y - top;
                boolean border = sx < 0 || sy < 0 || sx >= inner.columns() || sy >= inner.rows();
                if (border || inner.isSet(sx, sy)) {
                    mask.set(x, y);
                }
            }
        }
        return mask;
    }

    /** {@code inner} moved onto the grown canvas without the border: the masked pixels that have an original. */
    public Mask withinSource(Mask inner) {
        Mask mask = new Mask(left + inner.columns() + right, top + inner.rows() + bottom);
        for (int y = 0; y < inner.rows(); y++) {
            for (int x = 0; x < inner.columns(); x++) {
                if (inner.isSet(x, y)) {
                    mask.set(x + left, y + top);
                }
            }
        }
        return mask;
    }

    @Override
    public String toString() {
        return "top " + top + ", right " + right + ", bottom " + bottom + ", left " + left;
    }
}
