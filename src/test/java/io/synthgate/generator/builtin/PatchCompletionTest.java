package io.synthgate.generator.builtin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synthgate.mask.Mask;
import io.synthgate.mask.MaskSpec;
import io.synthgate.pixels.PixelPlanes;
import java.util.Arrays;
import java.util.Random;
import java.util.function.IntToDoubleFunction;
import org.junit.jupiter.api.Test;

/**
 * How far the completion's guide trusts the harmonic fill over the biharmonic one, measured on a ring of
 * known pixels, and how the guide is carried from a coarser level to a finer one.
 */
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

    /**
     * A region large enough that the guide is solved at half the resolution, on a pyramid with a
     * level coarser than that: the finest level reads the guide bilinearly from the half-resolution
     * one, and where the region's edge falls between two blocks, from a block of known pixels too,
     * whose guide must be their values. On a flat image every filled value is that value.
     */
    @Test
    void aFlatImageStaysFlatWhereTheGuideIsReadFromACoarserLevel() throws Exception {
        int side = 600;
        double[] plane = new double[side * side];
        Arrays.fill(plane, 1000);
        PixelPlanes flat = new PixelPlanes(side, side, new double[][] {plane}, 0, 4095);
        // 160 000 masked pixels, more than a full-resolution guide takes; its edge starts on an even column and row
        Mask hole = MaskSpec.parse("rectangle 100 100 400 400").rasterize(side, side);
        assertTrue(completion.fill(flat, hole, 1, BiharmonicInpainter.NO_DEADLINE));
        double furthest = 0;
        for (int i = hole.nextSet(0); i >= 0; i = hole.nextSet(i + 1)) {
            furthest = Math.max(furthest, Math.abs(plane[i] - 1000));
        }
        assertEquals(0, furthest, 1e-6);
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
