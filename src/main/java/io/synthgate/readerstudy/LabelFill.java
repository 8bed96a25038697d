package io.synthgate.readerstudy;

import io.synthgate.pixels.PixelBox;
import io.synthgate.pixels.RobustSpread;
import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.util.Arrays;
import java.util.Random;

/**
 * Takes the burned-in label out of a synthetic image's reading copy, so that nothing but the anatomy
 * tells a reader where it comes from: the box is filled by harmonic interpolation of the pixels around
 * it (the label sits in the darkest corner, on background) and given the grain of those pixels. Only
 * reading copies are filled; the object itself keeps its label.
 */
final class LabelFill {

    /** Enough sweeps for the fill to settle across a box a few dozen pixels high. */
    private static final int MAX_SWEEPS = 3000;

    private LabelFill() {
    }

    static void fill(BufferedImage picture, PixelBox box, long seed) {
        WritableRaster raster = picture.getRaster();
        int left = Math.max(0, box.column());
        int top = Math.max(0, box.row());
        int right = Math.min(picture.getWidth(), box.column() + box.width());
        int bottom = Math.min(picture.getHeight(), box.row() + box.height());
        if (left >= right || top >= bottom) {
            return;
        }
        Random random = new Random(seed);
        for (int band = 0; band < raster.getNumBands(); band++) {
            fillBand(raster, band, left, top, right, bottom, random);
        }
    }

    /**
     * The noise of the surroundings: from differences of neighbours along the ring's top and bottom
     * rows, which a smooth gradient barely changes (two independent noisy pixels differ by sqrt(2) sigma).
     * Their robust spread, not their root mean square: a ring that crosses anatomy has edges in it, and
     * on a 64-pixel MR their squares made the fill three times grainier than the image, a speckled band
     * a reader would spot.
     */
    static double grain(double[][] values) {
        double[] differences = new double[2 * values[0].length];
        int pairs = 0;
        for (double[] row : new double[][] {values[0], values[values.length - 1]}) {
            for (int x = 0; x + 1 < row.length; x++) {
                if (!Double.isNaN(row[x]) && !Double.isNaN(row[x + 1])) {
                    differences[pairs++] = Math.abs(row[x + 1] - row[x]);
                }
            }
        }
        return RobustSpread.of(differences, pairs) / Math.sqrt(2);
    }

    private static void fillBand(WritableRaster raster, int band, int left, int top, int right, int bottom,
            Random random) {
        int width = right - left;
        int height = bottom - top;
        double[][] values = new double[height + 2][width + 2];
        for (double[] row : values) {
            Arrays.fill(row, Double.NaN);
        }
        double sum = 0;
        int ring = 0;
        for (int y = -1; y <= height; y++) {
            for (int x = -1; x <= width; x++) {
                boolean inside = y >= 0 && y < height && x >= 0 && x < width;
                if (!inside) {
                    int column = Math.min(Math.max(left + x, 0), raster.getWidth() - 1);
                    int row = Math.min(Math.max(top + y, 0), raster.getHeight() - 1);
                    boolean outsideBox = column < left || column >= right || row < top || row >= bottom;
                    if (outsideBox) {
                        values[y + 1][x + 1] = raster.getSample(column, row, band);
                        sum += values[y + 1][x + 1];
                        ring++;
                    }
                }
            }
        }
        double mean = ring == 0 ? 0 : sum / ring;
        double grain = grain(values);
        // Interior cells start at the ring's mean; so do ring cells beyond the image's edge (a label
        // flush with the edge), which have no pixel of their own.
        for (double[] row : values) {
            for (int x = 0; x < row.length; x++) {
                row[x] = Double.isNaN(row[x]) ? mean : row[x];
            }
        }
        int sweeps = Math.min(MAX_SWEEPS, 4 * Math.max(width, height));
        for (int sweep = 0; sweep < sweeps; sweep++) {
            for (int y = 1; y <= height; y++) {
                for (int x = 1; x <= width; x++) {
                    values[y][x] = (values[y - 1][x] + values[y + 1][x] + values[y][x - 1] + values[y][x + 1]) / 4;
                }
            }
        }
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double value = values[y + 1][x + 1] + random.nextGaussian() * grain;
                raster.setSample(left + x, top + y, band, (int) Math.max(0, Math.min(255, Math.round(value))));
            }
        }
    }
}
