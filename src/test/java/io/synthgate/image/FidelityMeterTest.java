package io.synthgate.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synthgate.deid.DeidentifiedSource;
import io.synthgate.dicom.SopInstanceUid;
import io.synthgate.mask.Mask;
import io.synthgate.mask.MaskSpec;
import io.synthgate.pixels.FidelityMetrics;
import io.synthgate.pixels.ImageDescription;
import io.synthgate.pixels.PixelLayout;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FidelityMeterTest {

    private static final PixelLayout LAYOUT = new PixelLayout(16, 16, 1, 16, 12, 11, false, "MONOCHROME2");
    private static final Mask MASK = MaskSpec.parse("rectangle 4 4 8 8").rasterize(16, 16);

    @Test
    void anIdenticalCandidateIsPerfect() {
        short[] samples = noise();
        FidelityMetrics metrics = FidelityMeter.measure(image(samples), MASK, samples.clone());
        assertNull(metrics.psnrDb(), "PSNR of identical images is infinite");
        assertEquals(1.0, metrics.ssim(), 1e-9);
        assertEquals(0.0, metrics.meanAbsoluteError(), 1e-12);
        assertEquals(0, metrics.maxAbsoluteDifferenceOutsideMask());
    }

    @Test
    void anOffsetInsideTheMaskGivesItsErrorAndPsnr() {
        short[] samples = noise();
        short[] candidate = samples.clone();
        for (int i = 0; i < candidate.length; i++) {
            if (MASK.isSet(i)) {
                candidate[i] += 10;
            }
        }
        FidelityMetrics metrics = FidelityMeter.measure(image(samples), MASK, candidate);
        assertEquals(10.0, metrics.meanAbsoluteError(), 1e-9);
        assertEquals(10 * Math.log10(4095.0 * 4095.0 / 100.0), metrics.psnrDb(), 1e-9);
        assertTrue(metrics.ssim() < 1.0 && metrics.ssim() > 0.9, "ssim " + metrics.ssim());
        assertEquals(0, metrics.maxAbsoluteDifferenceOutsideMask());
    }

    @Test
    void reportsAChangeOutsideTheMask() {
        short[] samples = noise();
        short[] candidate = samples.clone();
        candidate[0] += 7;
        assertEquals(7, FidelityMeter.measure(image(samples), MASK, candidate).maxAbsoluteDifferenceOutsideMask());
    }

    @Test
    void bitsAboveBitsStoredAreNoDifference() {
        short[] samples = noise();
        short[] candidate = samples.clone();
        // 12 bits stored: an old overlay bit in bit 12 is not part of the value.
        candidate[0] |= 1 << 12;
        candidate[255] += 3;
        assertEquals(3, FidelityMeter.measure(image(samples), MASK, candidate).maxAbsoluteDifferenceOutsideMask());
    }

    @Test
    void ssimOfSlidingWindowsEqualsWindowByWindowSums() {
        Random random = new Random(7);
        short[] samples = noise();
        short[] candidate = samples.clone();
        Mask ragged = new Mask(16, 16);
        for (int p = 0; p < 256; p++) {
            // Scattered pixels, corners and edges included, so windows are clipped in every way.
            if (p % 7 == 0 || p < 3 || p > 250) {
                ragged.set(p % 16, p / 16);
                candidate[p] = (short) (500 + random.nextInt(3000));
            }
        }
        assertEquals(windowByWindowSsim(samples, candidate, ragged, 4095),
                FidelityMeter.measure(image(samples), ragged, candidate).ssim(), 1e-12);
    }

    /** SSIM as its definition reads: each clipped 7x7 window summed on its own. */
    private static double windowByWindowSsim(short[] a, short[] b, Mask mask, double range) {
        double c1 = Math.pow(0.01 * range, 2);
        double c2 = Math.pow(0.03 * range, 2);
        double total = 0;
        int windows = 0;
        for (int y = 0; y < 16; y++) {
            for (int x = 0; x < 16; x++) {
                if (!mask.isSet(x, y)) {
                    continue;
                }
                double sa = 0;
                double sb = 0;
                double saa = 0;
                double sbb = 0;
                double sab = 0;
                int n = 0;
                for (int wy = Math.max(0, y - 3); wy <= Math.min(15, y + 3); wy++) {
                    for (int wx = Math.max(0, x - 3); wx <= Math.min(15, x + 3); wx++) {
                        double va = a[wy * 16 + wx];
                        double vb = b[wy * 16 + wx];
                        sa += va;
                        sb += vb;
                        saa += va * va;
                        sbb += vb * vb;
                        sab += va * vb;
                        n++;
                    }
                }
                double ma = sa / n;
                double mb = sb / n;
                double cov = sab / n - ma * mb;
                total += ((2 * ma * mb + c1) * (2 * cov + c2))
                        / ((ma * ma + mb * mb + c1) * (saa / n - ma * ma + sbb / n - mb * mb + c2));
                windows++;
            }
        }
        return total / windows;
    }

    private static short[] noise() {
        Random random = new Random(42);
        short[] samples = new short[256];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = (short) (1000 + random.nextInt(2000));
        }
        return samples;
    }

    private static SourceImage image(short[] samples) {
        return new SourceImage(new DeidentifiedSource(new SopInstanceUid("1.2.3"), Path.of("unused"), "1.2.840.10008.5.1.4.1.1.2",
                "2.25.1", "2.25.2", "2.25.3", "SGX", "CT", Optional.empty(), List.of(), "", List.of(), Optional.empty()), LAYOUT, samples,
                new ImageDescription("CT", null, null, null, null, null, null, null, null, null));
    }
}
