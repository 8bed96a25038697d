package io.synthgate.pixels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synthgate.deid.DeidentifiedSource;
import io.synthgate.dicom.SopInstanceUid;
import io.synthgate.mask.Mask;
import io.synthgate.mask.MaskSpec;
import java.nio.file.Path;
import java.util.List;
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
                "2.25.1", "2.25.2", "2.25.3", "SGX", "CT", false, List.of(), "", List.of()), LAYOUT, samples,
                new ImageDescription("CT", null, null, null, null, null, null, null, null, null));
    }
}
