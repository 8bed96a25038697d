package io.synthgate.pixels;

import io.synthgate.mask.Mask;

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
        int outside = 0;
        for (int p = 0; p < layout.pixelCount(); p++) {
            for (int s = 0; s < layout.samplesPerPixel(); s++) {
                int difference = StoredSamples.read(candidate, layout, p, s) - source.sample(p, s);
                if (comparable.isSet(p)) {
                    squared += (double) difference * difference;
                    absolute += Math.abs(difference);
                    count++;
                } else if (!mask.isSet(p)) {
                    outside = Math.max(outside, Math.abs(difference));
                }
            }
        }
        if (count == 0) {
            return new FidelityMetrics(null, null, null, outside);
        }
        double mse = squared / count;
        Double psnr = mse == 0 ? null : 10 * Math.log10(range * range / mse);
        return new FidelityMetrics(psnr, ssim(source, comparable, candidate, range), absolute / count, outside);
    }

    /** Mean SSIM (Wang et al. 2004) of uniform 7x7 windows centred on masked pixels, first sample only. */
    private static double ssim(SourceImage source, Mask mask, Object candidate, double range) {
        PixelLayout layout = source.layout();
        double c1 = Math.pow(0.01 * range, 2);
        double c2 = Math.pow(0.03 * range, 2);
        double total = 0;
        long windows = 0;
        for (int y = 0; y < layout.rows(); y++) {
            for (int x = 0; x < layout.columns(); x++) {
                if (!mask.isSet(x, y)) {
                    continue;
                }
                double sa = 0;
                double sb = 0;
                double saa = 0;
                double sbb = 0;
                double sab = 0;
                int n = 0;
                for (int wy = Math.max(0, y - HALF_WINDOW); wy <= Math.min(layout.rows() - 1, y + HALF_WINDOW); wy++) {
                    for (int wx = Math.max(0, x - HALF_WINDOW); wx <= Math.min(layout.columns() - 1, x + HALF_WINDOW); wx++) {
                        int p = wy * layout.columns() + wx;
                        double a = source.sample(p, 0);
                        double b = StoredSamples.read(candidate, layout, p, 0);
                        sa += a;
                        sb += b;
                        saa += a * a;
                        sbb += b * b;
                        sab += a * b;
                        n++;
                    }
                }
                double ma = sa / n;
                double mb = sb / n;
                double va = saa / n - ma * ma;
                double vb = sbb / n - mb * mb;
                double cov = sab / n - ma * mb;
                total += ((2 * ma * mb + c1) * (2 * cov + c2)) / ((ma * ma + mb * mb + c1) * (va + vb + c2));
                windows++;
            }
        }
        return total / windows;
    }
}
