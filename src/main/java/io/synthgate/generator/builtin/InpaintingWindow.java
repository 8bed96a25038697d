package io.synthgate.generator.builtin;

import io.synthgate.mask.Mask;
import io.synthgate.pixels.PixelPlanes;
import io.synthgate.pixels.Planes;

/**
 * The rectangle of an image the built-in inpainter reads: the mask's bounding box grown by as far as
 * any of its steps looks from a masked pixel ({@link TextureSynthesis#REACH} for the textured fill;
 * for patch completion, the context it copies patches from, a share of the mask's extent). Pixels
 * beyond it cannot change the fill, so the inpainter holds arrays for the window alone and leaves the
 * rest of the image where it is: the default centred box (a fifth of each side, 4% of the area) on
 * a 3340x2670 radiograph needs 0.5 of its 8.9 megapixels.
 */
final class InpaintingWindow {

    private final int imageColumns;
    private final int imageRows;
    private final int left;
    private final int top;
    private final int columns;
    private final int rows;

    private InpaintingWindow(int imageColumns, int imageRows, int left, int top, int columns, int rows) {
        this.imageColumns = imageColumns;
        this.imageRows = imageRows;
        this.left = left;
        this.top = top;
        this.columns = columns;
        this.rows = rows;
    }

    /** The window around {@code mask}'s set pixels; the mask must have some. */
    static InpaintingWindow around(Mask mask) {
        return around(mask, 0);
    }

    /**
     * The window around {@code mask}'s set pixels that also holds, on each side, a margin of
     * {@code share} of the mask's larger extent where that is wider than {@link TextureSynthesis#REACH}:
     * the context patch-based completion draws its patches from.
     */
    static InpaintingWindow around(Mask mask, double share) {
        int w = mask.columns();
        int minX = w;
        int maxX = -1;
        int minY = -1;
        int maxY = -1;
        for (int i = mask.nextSet(0); i >= 0; i = mask.nextSet(i + 1)) {
            int x = i % w;
            minX = Math.min(minX, x);
            maxX = Math.max(maxX, x);
            if (minY < 0) {
                minY = i / w;
            }
            maxY = i / w;
        }
        if (maxX < 0) {
            throw new IllegalArgumentException("An empty mask has nothing to inpaint");
        }
        int margin = Math.max(TextureSynthesis.REACH, (int) Math.ceil(share * Math.max(maxX - minX, maxY - minY)));
        int left = Math.max(0, minX - margin);
        int top = Math.max(0, minY - margin);
        int right = Math.min(w - 1, maxX + margin);
        int bottom = Math.min(mask.rows() - 1, maxY + margin);
        return new InpaintingWindow(w, mask.rows(), left, top, right - left + 1, bottom - top + 1);
    }

    long pixels() {
        return (long) columns * rows;
    }

    /** The window's values of {@code image}, in arrays. */
    PixelPlanes crop(Planes image) {
        double[][] planes = new double[image.channels()][columns * rows];
        for (int c = 0; c < planes.length; c++) {
            for (int y = 0; y < rows; y++) {
                for (int x = 0; x < columns; x++) {
                    planes[c][y * columns + x] = image.value(c, (top + y) * imageColumns + left + x);
                }
            }
        }
        return new PixelPlanes(columns, rows, planes, image.minValue(), image.maxValue());
    }

    /** The part of {@code mask} inside the window. */
    Mask crop(Mask mask) {
        Mask cropped = new Mask(columns, rows);
        for (int y = 0; y < rows; y++) {
            for (int x = 0; x < columns; x++) {
                if (mask.isSet(left + x, top + y)) {
                    cropped.set(x, y);
                }
            }
        }
        return cropped;
    }

    /** {@code image} seen with the window's values replaced by {@code filled}'s; nothing is copied. */
    Planes paste(Planes image, PixelPlanes filled) {
        return new Planes() {
            @Override
            public int columns() {
                return imageColumns;
            }

            @Override
            public int rows() {
                return imageRows;
            }

            @Override
            public int channels() {
                return image.channels();
            }

            @Override
            public double value(int channel, int pixel) {
                int x = pixel % imageColumns - left;
                int y = pixel / imageColumns - top;
                return x >= 0 && y >= 0 && x < columns && y < rows ? filled.planes()[channel][y * columns + x]
                        : image.value(channel, pixel);
            }

            @Override
            public double minValue() {
                return image.minValue();
            }

            @Override
            public double maxValue() {
                return image.maxValue();
            }
        };
    }
}
