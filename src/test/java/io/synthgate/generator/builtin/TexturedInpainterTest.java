package io.synthgate.generator.builtin;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synthgate.mask.Mask;
import io.synthgate.mask.MaskSpec;
import io.synthgate.pixels.PixelPlanes;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * On a grainy image (a gentle slope with noise of standard deviation 25), the fill is as grainy as
 * what surrounds it, where a smooth fill is not, and the seed chooses the grain. The fill reads only
 * the mask's neighbourhood, and one that could never fit its working memory is refused up front.
 */
class TexturedInpainterTest {

    private static final int W = 128;
    private static final int H = 128;
    private static final double NOISE = 25;

    private final PixelPlanes image = grainy(W, H);
    private final Mask mask = MaskSpec.parse("rectangle 35% 35% 30% 30%").rasterize(W, H);
    private final TexturedInpainter inpainter = new TexturedInpainter(1000, new WorkingMemory(Runtime.getRuntime().maxMemory()));

    @Test
    void theFillCarriesTheSurroundingGrain() throws InterruptedException {
        double textured = grainInside(PixelPlanes.of(inpainter.inpaint(image, mask, 1)));
        double smooth = grainInside(new BiharmonicInpainter(1000).inpaint(image, mask));
        assertTrue(textured > 0.6 * NOISE && textured < 1.4 * NOISE, "grain inside the fill: " + textured);
        assertTrue(smooth < 0.3 * NOISE, "a biharmonic fill alone is smooth: " + smooth);
    }

    @Test
    void theSameSeedGivesTheSameFillAndAnotherSeedAnother() throws InterruptedException {
        double[] first = PixelPlanes.of(inpainter.inpaint(image, mask, 1)).planes()[0];
        assertArrayEquals(first, PixelPlanes.of(inpainter.inpaint(image, mask, 1)).planes()[0]);
        assertFalse(Arrays.equals(first, PixelPlanes.of(inpainter.inpaint(image, mask, 2)).planes()[0]));
    }

    @Test
    void nothingBeyondTheMasksNeighbourhoodChangesTheFill() throws InterruptedException {
        int w = 600;
        int h = 400;
        PixelPlanes large = grainy(w, h);
        Mask box = MaskSpec.parse("rectangle 45% 45% 10% 10%").rasterize(w, h);
        PixelPlanes elsewhere = large.copy();
        Random random = new Random(5);
        int reach = TextureSynthesis.REACH;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (x < 270 - reach || x >= 330 + reach || y < 180 - reach || y >= 220 + reach) {
                    elsewhere.planes()[0][y * w + x] = random.nextInt(4096);
                }
            }
        }
        PixelPlanes filled = PixelPlanes.of(inpainter.inpaint(large, box, 3));
        PixelPlanes filledElsewhere = PixelPlanes.of(inpainter.inpaint(elsewhere, box, 3));
        for (int i = 0; i < w * h; i++) {
            if (box.isSet(i)) {
                assertEquals(filled.planes()[0][i], filledElsewhere.planes()[0][i], 1e-9, "masked pixel " + i);
            } else {
                assertEquals(large.planes()[0][i], filled.planes()[0][i], "unmasked pixel " + i + " kept");
                assertEquals(elsewhere.planes()[0][i], filledElsewhere.planes()[0][i], "unmasked pixel " + i + " kept");
            }
        }
    }

    @Test
    void aFillLargerThanTheWholeWorkingMemoryIsRefusedWithTheFigures() {
        TexturedInpainter small = new TexturedInpainter(1000, new WorkingMemory(1 << 20));
        InpaintingTooLargeException refused = assertThrows(InpaintingTooLargeException.class,
                () -> small.inpaint(image, MaskSpec.parse("rectangle 0% 0% 100% 50%").rasterize(W, H), 1));
        assertTrue(refused.getMessage().contains("more than its 1 MB of working memory"), refused.getMessage());
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

    private static PixelPlanes grainy(int w, int h) {
        Random random = new Random(3);
        double[] values = new double[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                values[y * w + x] = 1000 + 2 * x + y + random.nextGaussian() * NOISE;
            }
        }
        return new PixelPlanes(w, h, new double[][] {values}, 0, 4095);
    }
}
