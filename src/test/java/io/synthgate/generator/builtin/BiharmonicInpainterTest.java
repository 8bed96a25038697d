package io.synthgate.generator.builtin;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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

    /**
     * A band along any of the image's edges converges within a few dozen iterations, to the fill of
     * the same band mirrored onto the opposite edge. The preconditioner reflects such regions across
     * the edge; it was once not symmetric there, and conjugate gradients on a bottom or right band
     * then stalled for thousands of iterations while the top and left ones converged.
     */
    @Test
    void bandsOnEveryEdgeConvergeAndMirrorEachOther() {
        int w = 150;
        int h = 100;
        PixelPlanes image = new PixelPlanes(w, h, new double[][] {waves(w, h)}, 0, 4095);
        PixelPlanes upsideDown = new PixelPlanes(w, h, new double[][] {flip(image.planes()[0], w, h, false)}, 0, 4095);
        PixelPlanes mirrored = new PixelPlanes(w, h, new double[][] {flip(image.planes()[0], w, h, true)}, 0, 4095);
        String[][] bands = {{"rectangle 20% 0 60% 20%", "rectangle 20% 80% 60% 20%"},
            {"rectangle 0 0 100% 20%", "rectangle 0 80% 100% 20%"},
            {"rectangle 0 20% 20% 60%", "rectangle 80% 20% 20% 60%"}};
        for (String[] pair : bands) {
            boolean sideways = pair[0].startsWith("rectangle 0 20%");
            PixelPlanes flipped = sideways ? mirrored : upsideDown;
            for (String spec : pair) {
                Mask mask = MaskSpec.parse(spec).rasterize(w, h);
                double[] quick = new BiharmonicInpainter(80).inpaint(image, mask).planes()[0];
                double[] thorough = new BiharmonicInpainter(5000).inpaint(image, mask).planes()[0];
                assertTrue(largestDifference(quick, thorough) < 0.5, spec + ": not converged in 80 iterations, off by "
                        + largestDifference(quick, thorough));
                String opposite = spec.equals(pair[0]) ? pair[1] : pair[0];
                double[] other = new BiharmonicInpainter(80).inpaint(flipped, MaskSpec.parse(opposite).rasterize(w, h))
                        .planes()[0];
                double[] back = flip(other, w, h, sideways);
                assertTrue(largestDifference(quick, back) < 0.5, spec + " against " + opposite + ": off by "
                        + largestDifference(quick, back));
            }
        }
    }

    @Test
    void aSolvePastItsDeadlineKeepsItsFastMarchingStart() {
        int w = 150;
        int h = 100;
        PixelPlanes image = new PixelPlanes(w, h, new double[][] {waves(w, h)}, 0, 4095);
        Mask band = MaskSpec.parse("rectangle 0 80% 100% 20%").rasterize(w, h);
        PixelPlanes stopped = image.copy();
        new BiharmonicInpainter(5000).fill(stopped, band, System.nanoTime());
        assertArrayEquals(new FastMarchingInpainter(5).inpaint(image, band).planes()[0], stopped.planes()[0]);
        PixelPlanes solved = new BiharmonicInpainter(5000).inpaint(image, band);
        assertTrue(largestDifference(solved.planes()[0], stopped.planes()[0]) > 1, "the solve refines its start");
    }

    private static double[] waves(int w, int h) {
        double[] values = new double[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                values[y * w + x] = 1500 + 600 * Math.sin(x / 9.0) * Math.cos(y / 13.0) + 0.05 * (x - 40) * (x - 40)
                        + 4 * y;
            }
        }
        return values;
    }

    private static double[] flip(double[] values, int w, int h, boolean sideways) {
        double[] flipped = new double[values.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                flipped[sideways ? y * w + (w - 1 - x) : (h - 1 - y) * w + x] = values[y * w + x];
            }
        }
        return flipped;
    }

    private static double largestDifference(double[] a, double[] b) {
        double worst = 0;
        for (int i = 0; i < a.length; i++) {
            worst = Math.max(worst, Math.abs(a[i] - b[i]));
        }
        return worst;
    }
}
