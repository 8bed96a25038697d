package io.synthgate.generator.builtin;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synthgate.deid.DeidentifiedSource;
import io.synthgate.dicom.SopInstanceUid;
import io.synthgate.image.PixelDecoder;
import io.synthgate.image.SourceImage;
import io.synthgate.mask.Mask;
import io.synthgate.mask.MaskSpec;
import io.synthgate.pixels.PixelPlanes;
import io.synthgate.testing.TestFiles;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * On an image of vertical bars (period 8 pixels) with grain, a deep hole and an outpainted border
 * come back barred, in step with the bars around them, where a biharmonic fill is a smooth grey; a
 * shallow hole keeps the textured biharmonic fill; a completion past its budget, or with nothing to
 * copy from, falls back to that fill and says why; the seed decides the result. On a real chest
 * radiograph, a large hole keeps most of the grain of the tissue around it.
 */
class ExemplarInpainterTest {

    private static final int W = 160;
    private static final int H = 160;
    private static final int PERIOD = 8;

    private final PixelPlanes bars = bars(W, H);
    private final WorkingMemory memory = new WorkingMemory(Runtime.getRuntime().maxMemory());
    private final ExemplarInpainter inpainter = new ExemplarInpainter(1000, memory, Duration.ofMinutes(1));

    @Test
    void aDeepHoleContinuesTheBarsAcrossIt() throws InterruptedException {
        Mask hole = MaskSpec.parse("rectangle 30% 30% 40% 40%").rasterize(W, H);
        ExemplarInpainter.Fill fill = inpainter.inpaint(blanked(bars, hole), hole, 1);
        assertEquals(ExemplarInpainter.Method.PATCH_COMPLETION, fill.method());
        assertEquals("patch completion", fill.description());
        double completed = correlationWithBars(PixelPlanes.of(fill.pixels()), hole);
        double smooth = correlationWithBars(new BiharmonicInpainter(1000).inpaint(blanked(bars, hole), hole), hole);
        assertTrue(completed > 0.8, "the completion's bars agree with the true ones: " + completed);
        assertTrue(Math.abs(smooth) < 0.3, "a biharmonic fill has no bars: " + smooth);
        assertUnmaskedKept(fill, hole);
    }

    @Test
    void anOutpaintedBorderCarriesTheBarsToTheEdge() throws InterruptedException {
        Mask border = MaskSpec.parse("rectangle 0 0 100% 20%; rectangle 0 80% 100% 20%").rasterize(W, H);
        ExemplarInpainter.Fill fill = inpainter.inpaint(blanked(bars, border), border, 1);
        assertEquals(ExemplarInpainter.Method.PATCH_COMPLETION, fill.method());
        double completed = correlationWithBars(PixelPlanes.of(fill.pixels()), border);
        assertTrue(completed > 0.8, "the border's bars agree with the true ones: " + completed);
        assertUnmaskedKept(fill, border);
    }

    /**
     * A 20% box over a real chest radiograph: the grain inside the completed box, away from its
     * edge, against the grain of the known ring around it (bench/inpainting's noise ratio, with a
     * 3x3 high-pass). The patches nearest the known image outweigh the deeper ones in the vote, so the
     * box is not the mean of many patches, smoother than the image around it: 0.62 of the ring's grain,
     * against 0.57 while every patch weighed alike.
     */
    @Test
    void aLargeHoleInAChestKeepsMostOfItsGrain() throws Exception {
        PixelPlanes chest = PixelPlanes.of((SourceImage) new PixelDecoder().decode(new DeidentifiedSource(
                new SopInstanceUid("2.25.1"), TestFiles.shared("fo-dicom/CR-MONO1-10-chest.dcm"), "", "", "", "", "", "",
                Optional.empty(), List.of(), "test", List.of(), Optional.empty())));
        int w = chest.columns();
        Mask hole = MaskSpec.parse("rectangle 27.65% 27.65% 44.7% 44.7%").rasterize(w, chest.rows());
        ExemplarInpainter.Fill fill = inpainter.inpaint(blanked(chest, hole), hole, 0);
        assertEquals(ExemplarInpainter.Method.PATCH_COMPLETION, fill.method());
        double[] detail = highPass(PixelPlanes.of(fill.pixels()).planes()[0], w, chest.rows());
        Rectangle box = new Rectangle(hole, w);
        double inside = deviation(detail, i -> box.within(i % w, i / w, -3));
        double ring = deviation(detail, i -> box.within(i % w, i / w, 15) && !box.within(i % w, i / w, 3));
        assertTrue(inside / ring > 0.6, "grain inside the box against around it: " + inside / ring);
    }

    @Test
    void aShallowHoleKeepsTheTexturedBiharmonicFill() throws InterruptedException {
        Mask shallow = MaskSpec.parse("rectangle 45% 45% 10% 10%").rasterize(W, H);
        ExemplarInpainter.Fill fill = inpainter.inpaint(bars, shallow, 4);
        assertEquals(ExemplarInpainter.Method.BIHARMONIC_TEXTURE, fill.method());
        assertEquals("", fill.reason());
        assertArrayEquals(PixelPlanes.of(new TexturedInpainter(1000, memory).inpaint(bars, shallow, 4)).planes()[0],
                PixelPlanes.of(fill.pixels()).planes()[0]);
    }

    @Test
    void aCompletionPastItsBudgetFallsBackAndSaysSo() throws InterruptedException {
        Mask hole = MaskSpec.parse("rectangle 30% 30% 40% 40%").rasterize(W, H);
        ExemplarInpainter hurried = new ExemplarInpainter(1000, memory, Duration.ZERO);
        ExemplarInpainter.Fill fill = hurried.inpaint(bars, hole, 4);
        assertEquals(ExemplarInpainter.Method.BIHARMONIC_TEXTURE, fill.method());
        assertEquals("biharmonic fill with synthesised texture (patch completion did not finish within its budget "
                + "of 0.0 s)", fill.description());
        // The fallback's solve has as long again, here nothing: it stops at its fast-marching start.
        assertArrayEquals(PixelPlanes.of(new TexturedInpainter(1000, memory).inpaint(bars, hole, 4, System.nanoTime()))
                .planes()[0], PixelPlanes.of(fill.pixels()).planes()[0]);
    }

    @Test
    void anImageWithNoWholePatchLeftFallsBack() throws InterruptedException {
        Mask everything = MaskSpec.parse("rectangle 0 0 100% 100%").rasterize(W, H);
        ExemplarInpainter.Fill fill = inpainter.inpaint(bars, everything, 4);
        assertEquals(ExemplarInpainter.Method.BIHARMONIC_TEXTURE, fill.method());
        assertTrue(fill.reason().contains("too little of the image"), fill.reason());
    }

    /**
     * A region of more than 131072 pixels whose surroundings leave no coarser level with patches
     * enough (here a frame 20 pixels wide around it) would be completed at one scale with a guide
     * solved at full resolution, more than the completion reserves memory for: it falls back.
     */
    @Test
    void aLargeRegionWithTooThinASurroundFallsBack() throws InterruptedException {
        int side = 460;
        PixelPlanes large = bars(side, side);
        Mask inner = MaskSpec.parse("rectangle 20 20 420 420").rasterize(side, side);
        // Few iterations of the fallback's biharmonic solve: what is tested is the choice, not the fill.
        ExemplarInpainter.Fill fill = new ExemplarInpainter(5, memory, Duration.ofMinutes(1)).inpaint(large, inner, 4);
        assertEquals(ExemplarInpainter.Method.BIHARMONIC_TEXTURE, fill.method());
        assertTrue(fill.reason().contains("too little of the image"), fill.reason());
    }

    @Test
    void theSameSeedGivesTheSameFillAndAnotherSeedAnother() throws InterruptedException {
        Mask hole = MaskSpec.parse("rectangle 30% 30% 40% 40%").rasterize(W, H);
        double[] first = PixelPlanes.of(inpainter.inpaint(bars, hole, 1).pixels()).planes()[0];
        assertArrayEquals(first, PixelPlanes.of(inpainter.inpaint(bars, hole, 1).pixels()).planes()[0]);
        assertFalse(Arrays.equals(first, PixelPlanes.of(inpainter.inpaint(bars, hole, 2).pixels()).planes()[0]));
    }

    @Test
    void aCompletionLargerThanTheWholeWorkingMemoryIsRefusedWithTheFigures() {
        ExemplarInpainter small = new ExemplarInpainter(1000, new WorkingMemory(1 << 20), Duration.ofMinutes(1));
        InpaintingTooLargeException refused = assertThrows(InpaintingTooLargeException.class,
                () -> small.inpaint(bars, MaskSpec.parse("rectangle 0 0 100% 30%").rasterize(W, H), 1));
        assertTrue(refused.getMessage().contains("more than its 1 MB of working memory"), refused.getMessage());
    }

    private void assertUnmaskedKept(ExemplarInpainter.Fill fill, Mask mask) {
        PixelPlanes filled = PixelPlanes.of(fill.pixels());
        for (int i = 0; i < W * H; i++) {
            double value = filled.planes()[0][i];
            if (!mask.isSet(i)) {
                assertEquals(bars.planes()[0][i], value, "unmasked pixel " + i);
            }
            assertTrue(value >= bars.minValue() && value <= bars.maxValue(), "pixel " + i + " within range: " + value);
        }
    }

    /** Pearson correlation, over the masked pixels, of the fill with the bars the image really has there. */
    private double correlationWithBars(PixelPlanes filled, Mask mask) {
        double[] truth = new double[mask.area()];
        double[] fill = new double[mask.area()];
        for (int i = mask.nextSet(0), k = 0; i >= 0; i = mask.nextSet(i + 1), k++) {
            truth[k] = bar(i % W);
            fill[k] = filled.planes()[0][i];
        }
        double meanT = Arrays.stream(truth).average().orElseThrow();
        double meanF = Arrays.stream(fill).average().orElseThrow();
        double covariance = 0;
        double varianceT = 0;
        double varianceF = 0;
        for (int k = 0; k < truth.length; k++) {
            covariance += (truth[k] - meanT) * (fill[k] - meanF);
            varianceT += (truth[k] - meanT) * (truth[k] - meanT);
            varianceF += (fill[k] - meanF) * (fill[k] - meanF);
        }
        return varianceF == 0 ? 0 : covariance / Math.sqrt(varianceT * varianceF);
    }

    /** Each value less the mean of its 3x3 neighbourhood (0 on the image's edge). */
    private static double[] highPass(double[] values, int w, int h) {
        double[] detail = new double[values.length];
        for (int y = 1; y < h - 1; y++) {
            for (int x = 1; x < w - 1; x++) {
                double sum = 0;
                for (int dy = -1; dy <= 1; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        sum += values[(y + dy) * w + x + dx];
                    }
                }
                detail[y * w + x] = values[y * w + x] - sum / 9;
            }
        }
        return detail;
    }

    /** The standard deviation of the values at the chosen indices. */
    private static double deviation(double[] values, IntPredicate chosen) {
        double[] picked = IntStream.range(0, values.length).filter(chosen).mapToDouble(i -> values[i]).toArray();
        double mean = Arrays.stream(picked).average().orElseThrow();
        return Math.sqrt(Arrays.stream(picked).map(v -> (v - mean) * (v - mean)).average().orElseThrow());
    }

    /** A rectangular mask's bounds. */
    private record Rectangle(int left, int top, int right, int bottom) {

        Rectangle(Mask mask, int w) {
            this(mask.nextSet(0) % w, mask.nextSet(0) / w, lastSet(mask) % w, lastSet(mask) / w);
        }

        /** Whether (x, y) lies within the rectangle grown by {@code margin} pixels (shrunk, when negative). */
        boolean within(int x, int y, int margin) {
            return x >= left - margin && x <= right + margin && y >= top - margin && y <= bottom + margin;
        }

        private static int lastSet(Mask mask) {
            int last = -1;
            for (int i = mask.nextSet(0); i >= 0; i = mask.nextSet(i + 1)) {
                last = i;
            }
            return last;
        }
    }

    /** What the masked values are replaced by, so that no method can read what it must fill. */
    private static PixelPlanes blanked(PixelPlanes image, Mask mask) {
        PixelPlanes blank = image.copy();
        for (int i = mask.nextSet(0); i >= 0; i = mask.nextSet(i + 1)) {
            blank.planes()[0][i] = 2048;
        }
        return blank;
    }

    private static double bar(int x) {
        return x % PERIOD < PERIOD / 2 ? 2600 : 1400;
    }

    private static PixelPlanes bars(int w, int h) {
        Random random = new Random(3);
        double[] values = new double[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                values[y * w + x] = bar(x) + random.nextGaussian() * 30;
            }
        }
        return new PixelPlanes(w, h, new double[][] {values}, 0, 4095);
    }
}
