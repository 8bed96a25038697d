package io.synthgate.generator.builtin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synthgate.mask.Mask;
import io.synthgate.mask.MaskSpec;
import io.synthgate.pixels.PixelPlanes;
import org.junit.jupiter.api.Test;

class BiharmonicInpainterTest {

    /**
     * A quadratic surface has a constant discrete Laplacian, so it is exactly biharmonic: the fill of
     * any hole inside it must give it back, which a flat, harmonic or Telea fill cannot. (At the
     * image's edge the fill mirrors, which the surface does not.)
     */
    @Test
    void givesBackAQuadraticSurfaceExactly() {
        int w = 120;
        int h = 90;
        double[] surface = new double[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                surface[y * w + x] = 200 + 0.05 * (x - 60) * (x - 60) + 0.08 * (y - 40) * (y - 40) + 3 * x;
            }
        }
        for (String spec : new String[] {"rectangle 25% 30% 40% 35%", "ellipse 50% 50% 20% 25%",
            "polygon 20% 20% 80% 30% 50% 80%"}) {
            Mask mask = MaskSpec.parse(spec).rasterize(w, h);
            PixelPlanes out = new BiharmonicInpainter(2000).inpaint(new PixelPlanes(w, h, new double[][] {surface}, 0, 4095),
                    mask);
            double worst = 0;
            for (int i = 0; i < w * h; i++) {
                worst = Math.max(worst, Math.abs(out.planes()[0][i] - surface[i]));
            }
            // The solver stops at a relative residual of 1e-3; a harmonic fill would be off by about 25, a flat one by 100.
            assertTrue(worst < 1, spec + ": largest error " + worst);
        }
    }

    @Test
    void aRegionTouchingTheImageEdgeIsFilledToo() {
        int w = 40;
        int h = 30;
        double[] ramp = new double[w * h];
        for (int i = 0; i < ramp.length; i++) {
            ramp[i] = 10 + 2 * (i % w);
        }
        Mask mask = MaskSpec.parse("rectangle 0 0 10 30").rasterize(w, h);
        PixelPlanes out = new BiharmonicInpainter(2000).inpaint(new PixelPlanes(w, h, new double[][] {ramp}, 0, 255), mask);
        for (int y = 0; y < h; y++) {
            assertEquals(out.planes()[0][y * w + 5], out.planes()[0][5], 0.5, "every row alike");
        }
        assertTrue(out.planes()[0][9] < ramp[10], "the fill continues downhill towards the edge");
    }
}
