package io.synthgate.generator.builtin;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synthgate.mask.Mask;
import io.synthgate.mask.MaskSpec;
import io.synthgate.pixels.PixelPlanes;
import org.junit.jupiter.api.Test;

class HarmonicFillTest {

    private static final int W = 100;
    private static final int H = 80;

    /** A plane has a zero Laplacian: the fill of any hole in it, from a start far off, must give it back. */
    @Test
    void givesBackAPlaneFromAFlatStart() throws Exception {
        for (String spec : new String[] {"rectangle 20% 25% 50% 40%", "ellipse 50% 50% 30% 30%"}) {
            double[] plane = new double[W * H];
            boolean[] hole = hole(spec);
            for (int i = 0; i < plane.length; i++) {
                plane[i] = hole[i] ? 0 : 300 + 2 * (i % W) - 1.5 * (i / W);
            }
            HarmonicFill.fill(new double[][] {plane}, hole, W, H, Long.MAX_VALUE);
            double worst = 0;
            for (int i = 0; i < plane.length; i++) {
                worst = Math.max(worst, Math.abs(plane[i] - (300 + 2 * (i % W) - 1.5 * (i / W))));
            }
            // The relaxation stops at steps of 1e-4 of the largest value (about 0.05 here); a start left as it was is off by 400.
            assertTrue(worst < 2, spec + ": largest error " + worst);
        }
    }

    /**
     * Beside a sharp boundary (tissue against a black background) the biharmonic fill overshoots the
     * values around the hole and the harmonic one, by the maximum principle, cannot: the reason the
     * completion's guide mixes it in.
     */
    @Test
    void staysWithinTheValuesAroundTheHoleWhereTheBiharmonicFillOvershoots() throws Exception {
        double[] image = new double[W * H];
        for (int i = 0; i < image.length; i++) {
            int y = i / W;
            image[i] = y < 30 ? 0 : 1500 - 20 * (y - 30);
        }
        Mask mask = MaskSpec.parse("rectangle 0 20% 100% 50%").rasterize(W, H);
        PixelPlanes biharmonic = new BiharmonicInpainter(2000).inpaint(new PixelPlanes(W, H, new double[][] {image}, -4096,
                4095), mask);
        double[] harmonic = biharmonic.planes()[0].clone();
        HarmonicFill.fill(new double[][] {harmonic}, hole("rectangle 0 20% 100% 50%"), W, H, Long.MAX_VALUE);
        double lowestBiharmonic = Double.MAX_VALUE;
        double highestBiharmonic = -Double.MAX_VALUE;
        double lowest = Double.MAX_VALUE;
        double highest = -Double.MAX_VALUE;
        for (int i = mask.nextSet(0); i >= 0; i = mask.nextSet(i + 1)) {
            lowestBiharmonic = Math.min(lowestBiharmonic, biharmonic.planes()[0][i]);
            highestBiharmonic = Math.max(highestBiharmonic, biharmonic.planes()[0][i]);
            lowest = Math.min(lowest, harmonic[i]);
            highest = Math.max(highest, harmonic[i]);
        }
        // Known values around the hole (rows 0 to 15 and 56 on) run from 0 to 1500 - 20 * 26 = 980.
        assertTrue(lowestBiharmonic < -10 || highestBiharmonic > 990,
                "the biharmonic fill overshoots: " + lowestBiharmonic + ".." + highestBiharmonic);
        assertTrue(lowest >= -0.5 && highest <= 980.5, "harmonic fill within 0..980: " + lowest + ".." + highest);
    }

    @Test
    void givesUpAtItsDeadline() {
        double[] plane = new double[W * H];
        boolean[] hole = hole("rectangle 10% 10% 80% 80%");
        for (int i = 0; i < plane.length; i++) {
            plane[i] = hole[i] ? 0 : 1000;
        }
        assertThrows(PatchCompletion.OverBudgetException.class,
                () -> HarmonicFill.fill(new double[][] {plane}, hole, W, H, System.nanoTime() - 1));
    }

    private static boolean[] hole(String spec) {
        Mask mask = MaskSpec.parse(spec).rasterize(W, H);
        boolean[] hole = new boolean[W * H];
        for (int i = mask.nextSet(0); i >= 0; i = mask.nextSet(i + 1)) {
            hole[i] = true;
        }
        return hole;
    }
}
