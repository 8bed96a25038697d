package io.synthgate.generator.builtin;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synthgate.mask.Mask;
import io.synthgate.mask.MaskSpec;
import io.synthgate.pixels.PixelPlanes;
import java.util.Random;
import java.util.function.IntToDoubleFunction;
import org.junit.jupiter.api.Test;

/** How far the completion's guide trusts the harmonic fill over the biharmonic one, measured on a ring of known pixels. */
class PatchCompletionTest {

    private static final int W = 100;
    private static final int H = 80;

    private final PatchCompletion completion = new PatchCompletion(new BiharmonicInpainter(2000));

    /** A quadratic surface is exactly biharmonic and not harmonic: the ring says to keep the biharmonic fill. */
    @Test
    void smoothShadingKeepsTheBiharmonicGuide() throws Exception {
        double share = completion.harmonicShare(image(i -> 200 + 0.05 * sq(i % W - 50) + 0.08 * sq(i / W - 40)),
                MaskSpec.parse("rectangle 30% 30% 40% 40%").rasterize(W, H));
        assertTrue(share < 0.1, "harmonic share " + share);
    }

    /**
     * Fibrous texture, as in a mammogram: the gradients at the region's edge are the texture's and do
     * not carry on, so the biharmonic fill, which continues them, swings about and the ring gives the
     * harmonic fill a good part of the guide (about 0.56 here, against 0.0003 for the surface above).
     */
    @Test
    void textureWhoseGradientsDoNotCarryOnMixesTheHarmonicFillIn() throws Exception {
        double[] grain = new double[W * H];
        Random random = new Random(5);
        for (int i = 0; i < grain.length; i++) {
            grain[i] = random.nextGaussian() * 400;
        }
        TextureSynthesis.blur(grain, W, H);
        double share = completion.harmonicShare(image(i -> 1000 + grain[i]),
                MaskSpec.parse("rectangle 30% 30% 40% 40%").rasterize(W, H));
        assertTrue(share > 0.3, "harmonic share " + share);
    }

    private static double sq(double value) {
        return value * value;
    }

    private static PixelPlanes image(IntToDoubleFunction value) {
        double[] plane = new double[W * H];
        for (int i = 0; i < plane.length; i++) {
            plane[i] = value.applyAsDouble(i);
        }
        return new PixelPlanes(W, H, new double[][] {plane}, -4096, 4095);
    }
}
