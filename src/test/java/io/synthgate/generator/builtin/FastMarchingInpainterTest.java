package io.synthgate.generator.builtin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synthgate.mask.Mask;
import io.synthgate.mask.MaskSpec;
import io.synthgate.pixels.PixelPlanes;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FastMarchingInpainterTest {

    private final FastMarchingInpainter inpainter = new FastMarchingInpainter(5);

    @Test
    void leavesEveryUnmaskedValueAsItWas() {
        PixelPlanes image = noise(64, 48, 7);
        Mask mask = MaskSpec.parse("rectangle 25% 25% 50% 50%").rasterize(64, 48);
        PixelPlanes out = inpainter.inpaint(image, mask);
        for (int i = 0; i < 64 * 48; i++) {
            if (!mask.isSet(i)) {
                assertEquals(image.planes()[0][i], out.planes()[0][i], "pixel " + i);
            }
        }
    }

    @Test
    void followsARampCloserThanAFlatFill() {
        int w = 80;
        int h = 60;
        double[] ramp = new double[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                ramp[y * w + x] = 100 + 10 * x + 3 * y;
            }
        }
        Mask mask = MaskSpec.parse("rectangle 30 20 20 15").rasterize(w, h);
        PixelPlanes out = inpainter.inpaint(new PixelPlanes(w, h, new double[][] {ramp}, 0, 4095), mask);
        double flat = 100 + 10 * 39.5 + 3 * 27;
        double worst = 0;
        double worstFlat = 0;
        for (int i = 0; i < w * h; i++) {
            if (mask.isSet(i)) {
                worst = Math.max(worst, Math.abs(out.planes()[0][i] - ramp[i]));
                worstFlat = Math.max(worstFlat, Math.abs(flat - ramp[i]));
            }
        }
        assertTrue(worst < worstFlat / 2, "largest error inside the hole: " + worst + ", a flat fill's: " + worstFlat);
    }

    @Test
    void keepsFilledValuesInsideTheStorableRange() {
        PixelPlanes image = noise(32, 32, 3);
        Mask mask = MaskSpec.parse("rectangle 8 8 16 16").rasterize(32, 32);
        PixelPlanes out = inpainter.inpaint(image, mask);
        for (double value : out.planes()[0]) {
            assertTrue(value >= image.minValue() && value <= image.maxValue(), "value " + value);
        }
    }

    @Test
    void fillsEveryChannelOfAColourImage() {
        PixelPlanes red = noise(20, 20, 1);
        PixelPlanes colour = new PixelPlanes(20, 20, new double[][] {red.planes()[0], new double[400], new double[400]}, 0, 255);
        Mask mask = MaskSpec.parse("rectangle 5 5 10 10").rasterize(20, 20);
        PixelPlanes out = inpainter.inpaint(colour, mask);
        assertEquals(3, out.planes().length);
        assertEquals(0.0, out.planes()[1][10 * 20 + 10], 1e-9, "a zero channel stays zero inside the hole");
    }

    private static PixelPlanes noise(int w, int h, long seed) {
        Random random = new Random(seed);
        double[] values = new double[w * h];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextInt(256);
        }
        return new PixelPlanes(w, h, new double[][] {values}, 0, 255);
    }
}
