package io.synthgate.image;

import io.synthgate.mask.Mask;
import io.synthgate.pixels.FidelityMetrics;
import io.synthgate.pixels.PixelLayout;
import io.synthgate.pixels.StoredSamples;
import java.util.Arrays;

/** Measures a composited candidate against its source ({@link FidelityMetrics}). */
public final class FidelityMeter {

    private static final int HALF_WINDOW = 3;

    private FidelityMeter() {
    }

    public static FidelityMetrics measure(SourceImage source, Mask mask, Object candidate) {
        return measure(source, mask, mask, candidate);
    }

    /**
     * Measures inside {@code comparable}, the masked pixels whose source value is an original (all
     * but a grown canvas's border), and outside {@code mask}.
     */
    public static FidelityMetrics measure(SourceImage source, Mask mask, Mask comparable, Object candidate) {
        PixelLayout layout = source.layout();
        double range = Math.pow(2, layout.bitsStored()) - 1;
        double squared = 0;
        double absolute = 0;
        long count = 0;
        for (int p = comparable.nextSet(0); p >= 0; p = comparable.nextSet(p + 1)) {
            for (int s = 0; s < layout.samplesPerPixel(); s++) {
                int difference = StoredSamples.read(candidate, layout, p, s) - source.sample(p, s);
                squared += (double) difference * difference;
                absolute += Math.abs(difference);
                count++;
            }
        }
        int outside = largestDifferenceOutside(source, mask, comparable, candidate);
        if (count == 0) {
            return new FidelityMetrics(null, null, null, outside);
        }
        double mse = squared / count;
        Double psnr = mse == 0 ? null : 10 * Math.log10(range * range / mse);
        return new FidelityMetrics(psnr, ssim(source, comparable, candidate, range), absolute / count, outside);
    }

    /**
     * The largest difference outside both masks. Only samples whose stored words differ can differ,
     * and the arrays are compared a vector at a time to find them, so the unmasked bulk of an image,
     * identical by construction, costs a fraction of reading it sample by sample.
     */
    private static int largestDifferenceOutside(SourceImage source, Mask mask, Mask comparable, Object candidate) {
        PixelLayout layout = source.layout();
        int samplesPerPixel = layout.samplesPerPixel();
        int count = layout.pixelCount() * samplesPerPixel;
        int largest = 0;
        for (int i = nextDifference(source.storedSamples(), candidate, 0, count); i >= 0;
                i = nextDifference(source.storedSamples(), candidate, i + 1, count)) {
            int p = i / samplesPerPixel;
            if (!comparable.isSet(p) && !mask.isSet(p)) {
                int s = i % samplesPerPixel;
                largest = Math.max(largest, Math.abs(StoredSamples.read(candidate, layout, p, s) - source.sample(p, s)));
            }
        }
        return largest;
    }

    /** The first index from {@code from} on where the stored words differ; -1 for none. */
    private static int nextDifference(Object a, Object b, int from, int to) {
        if (from >= to) {
            return -1;
        }
        int offset;
        if (a instanceof short[] x && b instanceof short[] y) {
            offset = Arrays.mismatch(x, from, to, y, from, to);
        } else if (a instanceof byte[] x && b instanceof byte[] y) {
            offset = Arrays.mismatch(x, from, to, y, from, to);
        } else {
            // Arrays of different kinds are compared sample by sample.
            offset = 0;
        }
        return offset < 0 ? -1 : from + offset;
    }

    /**
     * Mean SSIM (Wang et al. 2004) of uniform 7x7 windows centred on masked pixels, clipped at the
     * image's edges, first sample only. The window sums slide: per row of the mask's box, column sums
     * over the window's rows are updated by one row in and one out, and their running totals give
     * each window's sums, so the cost follows the box's area, not 49 times the mask's.
     */
    private static double ssim(SourceImage source, Mask mask, Object candidate, double range) {
        PixelLayout layout = source.layout();
        int columns = layout.columns();
        int rows = layout.rows();
        int minX = columns;
        int maxX = -1;
        int minY = rows;
        int maxY = -1;
        for (int p = mask.nextSet(0); p >= 0; p = mask.nextSet(p + 1)) {
            minX = Math.min(minX, p % columns);
            maxX = Math.max(maxX, p % columns);
            minY = Math.min(minY, p / columns);
            maxY = Math.max(maxY, p / columns);
        }
        int left = Math.max(0, minX - HALF_WINDOW);
        int width = Math.min(columns - 1, maxX + HALF_WINDOW) - left + 1;
        WindowSums sums = new WindowSums(width);
        for (int y = Math.max(0, minY - HALF_WINDOW); y <= Math.min(rows - 1, minY + HALF_WINDOW); y++) {
            sums.addRow(source, candidate, layout, y, left, 1);
        }
        double c1 = Math.pow(0.01 * range, 2);
        double c2 = Math.pow(0.03 * range, 2);
        double total = 0;
        long windows = 0;
        for (int y = minY; y <= maxY; y++) {
            if (y > minY) {
                if (y + HALF_WINDOW < rows) {
                    sums.addRow(source, candidate, layout, y + HALF_WINDOW, left, 1);
                }
                if (y - HALF_WINDOW - 1 >= 0) {
                    sums.addRow(source, candidate, layout, y - HALF_WINDOW - 1, left, -1);
                }
            }
            int windowRows = Math.min(rows - 1, y + HALF_WINDOW) - Math.max(0, y - HALF_WINDOW) + 1;
            boolean prefixed = false;
            for (int x = minX; x <= maxX; x++) {
                if (!mask.isSet(x, y)) {
                    continue;
                }
                if (!prefixed) {
                    sums.prefix();
                    prefixed = true;
                }
                int from = Math.max(0, x - HALF_WINDOW) - left;
                int to = Math.min(columns - 1, x + HALF_WINDOW) - left;
                double n = (double) (to - from + 1) * windowRows;
                double ma = sums.total(sums.a, from, to) / n;
                double mb = sums.total(sums.b, from, to) / n;
                double va = sums.total(sums.aa, from, to) / n - ma * ma;
                double vb = sums.total(sums.bb, from, to) / n - mb * mb;
                double cov = sums.total(sums.ab, from, to) / n - ma * mb;
                total += ((2 * ma * mb + c1) * (2 * cov + c2)) / ((ma * ma + mb * mb + c1) * (va + vb + c2));
                windows++;
            }
        }
        return total / windows;
    }

    /**
     * Sums of a (source), b (candidate), a², b² and ab down the window's rows, per column of the
     * box, and their running totals along the row. Exact: the samples are integers, so are the sums.
     */
    private static final class WindowSums {

        final long[] a;
        final long[] b;
        final long[] aa;
        final long[] bb;
        final long[] ab;
        private final long[] columnA;
        private final long[] columnB;
        private final long[] columnAa;
        private final long[] columnBb;
        private final long[] columnAb;

        WindowSums(int width) {
            columnA = new long[width];
            columnB = new long[width];
            columnAa = new long[width];
            columnBb = new long[width];
            columnAb = new long[width];
            a = new long[width + 1];
            b = new long[width + 1];
            aa = new long[width + 1];
            bb = new long[width + 1];
            ab = new long[width + 1];
        }

        /** Adds ({@code sign} 1) or removes (-1) image row {@code y} from the column sums. */
        void addRow(SourceImage source, Object candidate, PixelLayout layout, int y, int left, int sign) {
            int start = y * layout.columns() + left;
            for (int i = 0; i < columnA.length; i++) {
                long va = source.sample(start + i, 0);
                long vb = StoredSamples.read(candidate, layout, start + i, 0);
                columnA[i] += sign * va;
                columnB[i] += sign * vb;
                columnAa[i] += sign * va * va;
                columnBb[i] += sign * vb * vb;
                columnAb[i] += sign * va * vb;
            }
        }

        /** Running totals of the column sums, for {@link #total}. */
        void prefix() {
            for (int i = 0; i < columnA.length; i++) {
                a[i + 1] = a[i] + columnA[i];
                b[i + 1] = b[i] + columnB[i];
                aa[i + 1] = aa[i] + columnAa[i];
                bb[i + 1] = bb[i] + columnBb[i];
                ab[i + 1] = ab[i] + columnAb[i];
            }
        }

        /** The sum of box columns {@code from} to {@code to}, inclusive. */
        double total(long[] running, int from, int to) {
            return running[to + 1] - running[from];
        }
    }
}
