package io.synthgate.generator.builtin;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synthgate.mask.Mask;
import io.synthgate.mask.MaskSpec;
import io.synthgate.pixels.PixelPlanes;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * On a grainy image (a gentle slope with noise of standard deviation 25), the fill is as grainy as
 * what surrounds it, where a smooth fill is not, and the seed chooses the grain.
 */
class TexturedInpainterTest {

    private static final int W = 128;
    private static final int H = 128;
    private static final double NOISE = 25;

    private final PixelPlanes image = grainy();
    private final Mask mask = MaskSpec.parse("rectangle 35% 35% 30% 30%").rasterize(W, H);

    @Test
    void theFillCarriesTheSurroundingGrain() {
        double textured = grainInside(new TexturedInpainter(1000).inpaint(image, mask, 1));
        double smooth = grainInside(new BiharmonicInpainter(1000).inpaint(image, mask));
        assertTrue(textured > 0.6 * NOISE && textured < 1.4 * NOISE, "grain inside the fill: " + textured);
        assertTrue(smooth < 0.3 * NOISE, "a biharmonic fill alone is smooth: " + smooth);
    }

    @Test
    void theSameSeedGivesTheSameFillAndAnotherSeedAnother() {
        TexturedInpainter inpainter = new TexturedInpainter(1000);
        double[] first = inpainter.inpaint(image, mask, 1).planes()[0];
        assertArrayEquals(first, inpainter.inpaint(image, mask, 1).planes()[0]);
        assertFalse(Arrays.equals(first, inpainter.inpaint(image, mask, 2).planes()[0]));
    }

    /** Standard deviation of the difference between horizontal neighbours inside the mask, over sqrt 2. */
    private double grainInside(PixelPlanes filled) {
        double sum = 0;
        double squares = 0;
        int count = 0;
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W - 1; x++) {
                if (mask.isSet(x, y) && mask.isSet(x + 1, y)) {
                    double d = filled.planes()[0][y * W + x + 1] - filled.planes()[0][y * W + x];
                    sum += d;
                    squares += d * d;
                    count++;
                }
            }
        }
        double mean = sum / count;
        return Math.sqrt(squares / count - mean * mean) / Math.sqrt(2);
    }

    private static PixelPlanes grainy() {
        Random random = new Random(3);
        double[] values = new double[W * H];
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                values[y * W + x] = 1000 + 2 * x + y + random.nextGaussian() * NOISE;
            }
        }
        return new PixelPlanes(W, H, new double[][] {values}, 0, 4095);
    }
}
