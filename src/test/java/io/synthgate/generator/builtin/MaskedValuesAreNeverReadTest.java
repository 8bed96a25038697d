package io.synthgate.generator.builtin;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.synthgate.mask.Mask;
import io.synthgate.mask.MaskSpec;
import io.synthgate.pixels.PixelPlanes;
import java.time.Duration;
import java.util.Random;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

/**
 * A fill may depend only on the pixels it keeps: the source's values under the mask are what it
 * must not know (they are what a fidelity measure compares with). Each inpainter fills the same
 * image twice, once with the masked values scrambled, and must give the same result.
 */
class MaskedValuesAreNeverReadTest {

    private static final int W = 96;
    private static final int H = 80;

    @Test
    void fastMarching() {
        assertBlind((image, mask) -> new FastMarchingInpainter(5).inpaint(image, mask));
    }

    @Test
    void biharmonic() {
        assertBlind((image, mask) -> new BiharmonicInpainter(500).inpaint(image, mask));
    }

    @Test
    void textured() {
        TexturedInpainter inpainter = new TexturedInpainter(500, new WorkingMemory(Runtime.getRuntime().maxMemory()));
        assertBlind((image, mask) -> {
            try {
                return PixelPlanes.of(inpainter.inpaint(image, mask, 7));
            } catch (InterruptedException interrupted) {
                throw new AssertionError(interrupted);
            }
        });
    }

    @Test
    void patchCompletionInsideTheImageAndOnItsEdge() {
        ExemplarInpainter inpainter = new ExemplarInpainter(500, new WorkingMemory(Runtime.getRuntime().maxMemory()),
                Duration.ofMinutes(1));
        BiFunction<PixelPlanes, Mask, PixelPlanes> completion = (image, mask) -> {
            try {
                ExemplarInpainter.Fill fill = inpainter.inpaint(image, mask, 7);
                assertEquals(ExemplarInpainter.Method.PATCH_COMPLETION, fill.method());
                return PixelPlanes.of(fill.pixels());
            } catch (InterruptedException interrupted) {
                throw new AssertionError(interrupted);
            }
        };
        assertBlind(completion, "rectangle 20% 20% 50% 50%");
        assertBlind(completion, "rectangle 0 0 100% 25%; rectangle 40% 50% 30% 30%");
    }

    private static void assertBlind(BiFunction<PixelPlanes, Mask, PixelPlanes> inpainter) {
        assertBlind(inpainter, "rectangle 30% 30% 30% 30%; random-erase 3 10% 15% 5");
    }

    private static void assertBlind(BiFunction<PixelPlanes, Mask, PixelPlanes> inpainter, String spec) {
        Random random = new Random(11);
        double[] values = new double[W * H];
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                values[y * W + x] = 500 + 4 * x + 2 * y + random.nextGaussian() * 20;
            }
        }
        Mask mask = MaskSpec.parse(spec).rasterize(W, H);
        double[] scrambled = values.clone();
        for (int i = 0; i < scrambled.length; i++) {
            if (mask.isSet(i)) {
                scrambled[i] = random.nextInt(4096);
            }
        }
        PixelPlanes a = inpainter.apply(new PixelPlanes(W, H, new double[][] {values}, 0, 4095), mask);
        PixelPlanes b = inpainter.apply(new PixelPlanes(W, H, new double[][] {scrambled}, 0, 4095), mask);
        double[] inside = new double[mask.area()];
        double[] insideScrambled = new double[mask.area()];
        for (int i = 0, k = 0; i < W * H; i++) {
            if (mask.isSet(i)) {
                inside[k] = a.planes()[0][i];
                insideScrambled[k++] = b.planes()[0][i];
            }
        }
        assertArrayEquals(inside, insideScrambled, 1e-9);
    }
}
