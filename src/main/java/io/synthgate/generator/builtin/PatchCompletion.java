package io.synthgate.generator.builtin;

import io.synthgate.mask.Mask;
import io.synthgate.pixels.PixelPlanes;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Exemplar-based completion of a masked region by global optimisation over an image pyramid
 * (Wexler, Shechtman and Irani, "Space-Time Completion of Video", IEEE PAMI 2007, the method behind
 * Content-Aware Fill and Resynthesizer), with PatchMatch (Barnes, Shechtman, Finkelstein and
 * Goldman, SIGGRAPH 2009) finding each patch's nearest neighbour. Every 7x7 patch that touches the
 * region is matched to a patch of known pixels elsewhere in the image, and each masked pixel becomes
 * the vote of the matches of the patches that cover it, weighted by how well each matched and, on the
 * finest level, by how near the known image its centre lies; matching and voting alternate until
 * the region is made of the image's own patches and agrees with itself. It starts at a scale where
 * the region is a few pixels deep, from a biharmonic fill there, and refines scale by scale: the
 * coarse levels place larger structure, the fine ones edges and grain. A smooth guide (the
 * biharmonic fill, mixed away from the region's edge with the harmonic one as far as a ring of known
 * pixels says the harmonic predicts better) keeps the patches' brightness from drifting across a
 * large region, and the result takes its coarse course from it. The result is deterministic for a
 * seed; the work stops at a deadline.
 */
final class PatchCompletion {

    /** Patches are 7x7: large enough to carry an edge's direction, small enough to find matches. */
    static final int RADIUS = 3;
    /** The coarsest level is the first on which no masked pixel is further than this from a known one. */
    private static final int COARSEST_DEPTH = 6;
    /** Rounds of matching and voting on the coarsest level, and on each finer one. */
    private static final int COARSEST_ROUNDS = 12;
    private static final int FINER_ROUNDS = 4;
    private static final int FINEST_ROUNDS = 2;
    /**
     * Regions of up to this many pixels are guided by a biharmonic fill at full resolution; larger
     * ones by one at the finest level (half, a quarter of the resolution...) where they have no more,
     * as the solve's cost grows with the pixels (on a 2048x2500 radiograph, on one core: a 4% box 3 s
     * in all against 10 at full resolution, a 10% box 7 s against 15). On bench/inpainting the full
     * resolution's guide scored best, half the resolution's a little lower, and the coarsest level's
     * alone clearly lower.
     */
    private static final int FULL_GUIDE_PIXELS = 1 << 17;
    /**
     * The same for regions on the image's edge, whose solve costs several times more per pixel (the
     * preconditioner reflects them across the edge, a band across the whole width to three times its
     * width, and they need more iterations): outpainting a 2048x2500 radiograph's top and bottom sixth
     * took 115 s with the rule above and 15 s with this one; on bench/inpainting the outpainting's mean
     * SSIM went from 0.640 to 0.638.
     */
    private static final int EDGE_GUIDE_PIXELS = FULL_GUIDE_PIXELS / 4;
    /** A coarser level is used only with at least this many source patches, and half as many as its targets. */
    private static final int MIN_SOURCES = 64;
    /**
     * The weight of the guide: how much a source patch's mean may differ from the smooth fill's at the
     * masked pixels of the target, against the patches' summed squared differences. It keeps the
     * completion's levels (the overall brightness across a large region, which patches alone let
     * drift) near the biharmonic fill's, while the patches supply the structure and the grain.
     */
    private static final double GUIDE_WEIGHT = 0.25;
    /**
     * How many pixels of the coarsest level the region is widened by to measure how far the guide
     * should mix the {@link HarmonicFill} into the biharmonic fill. On bench/inpainting the mean SSIM
     * inside the 20% box rose from 0.613 to 0.624 (the mammogram's from 0.53 to 0.58, where the
     * biharmonic fill swings dark between the skin line and the tissue) with 6% boxes and the
     * ellipse preset no worse; a ring of 2 or 8 pixels scored lower.
     */
    private static final int RING = 5;
    /**
     * On the finest level a patch's vote weighs this many times less for each step its centre lies
     * further from a known pixel. Each masked pixel then takes its value mostly from the patches
     * nearest the known image, not the mean of all 49 that cover it, and keeps more of their grain: on
     * bench/inpainting, means over four seeds, the texture gap fell from 1.07 to 0.91 inside the 20% box
     * and from 0.86 to 0.76 on outpainting, and by 0.04 to 0.16 on the smaller masks, with SSIM within
     * 0.0012 and the boundary orientation within 0.005 on every mask. A base of 4 lowered the gap to
     * 0.78 and 0.64 but cost up to 0.0027 of SSIM. On the coarser levels, where the patches place
     * structure, the term moved the orientation by up to 0.05 either way, so they vote evenly.
     */
    private static final double CONFIDENCE = 2;
    /**
     * How far from the region's edge, in pixels of the image, the harmonic fill's share of the guide
     * grows to the share measured on the ring: at d px it is that share times 1 - exp(-d / SEAM_REACH).
     * The biharmonic fill carries the gradients across the edge and the harmonic one does not, so next
     * to the edge the guide stays biharmonic, and deeper the harmonic share keeps the region's level.
     * On bench/inpainting, means over four seeds, the boundary orientation inside the 20% box rose from
     * 0.637 to 0.656 (the chest's from 0.737 to 0.760, the mammogram's from 0.706 to 0.764) with SSIM
     * 0.6243 against 0.6245, and the smaller masks' SSIM moved by 0.0015 at most; a reach of 6 or 12
     * px raised the orientation less, and 48 or 96 cost SSIM on the mammogram.
     */
    private static final double SEAM_REACH = 24;
    /** Attempts to draw a random source patch before scanning for one. */
    private static final int DRAWS = 64;

    private final BiharmonicInpainter start;

    PatchCompletion(BiharmonicInpainter start) {
        this.start = start;
    }

    /**
     * The most heap a completion holds at once on a window of {@code pixels} with {@code masked} of
     * them masked: per pixel of the finest level its masked and source flags, its target index, its
     * guide, the votes' index and its steps from a known pixel; per masked pixel (and the ring of
     * targets around it) a match, a distance and the votes' sums; a third more for the coarser levels,
     * with their values; and the guide's biharmonic solve (about 33 bytes per pixel and 200 per masked
     * pixel, a quarter of that at half the resolution). The solves that measure the harmonic share
     * run on the coarsest level (a quarter of the pixels or fewer) and are freed before the guide's
     * solve, so its term covers them.
     */
    static long workingBytes(long pixels, long masked, int channels) {
        long levels = (22 + 8L * channels) * pixels + (48 + 8L * channels) * masked;
        long guide = 33 * pixels + 200 * masked;
        // Half the resolution at most: a pyramid cut short solves the guide on its coarsest level, which
        // may be finer than guideLevel's, and fill refuses a large region whose pyramid has one level.
        return levels * 4 / 3 + 8L * channels * pixels / 3 + (masked <= FULL_GUIDE_PIXELS ? guide : guide / 4);
    }

    /** The level whose biharmonic fill guides a completion of {@code masked} pixels. */
    private static int guideLevel(long masked, boolean onEdge) {
        long most = onEdge ? EDGE_GUIDE_PIXELS : FULL_GUIDE_PIXELS;
        int level = 0;
        while (masked >> 2 * level > most) {
            level++;
        }
        return level;
    }

    /**
     * Fills the masked pixels of {@code out} in place from its unmasked ones.
     *
     * @param deadline {@link System#nanoTime()} after which the completion gives up
     * @return false when there is too little known image to draw patches from, leaving {@code out} as it was
     * @throws OverBudgetException when the deadline passed first; {@code out}'s masked pixels are then undefined
     */
    boolean fill(PixelPlanes out, Mask mask, long seed, long deadline) throws InterruptedException, OverBudgetException {
        Level finest = Level.of(out, mask);
        finest.prepare();
        if (finest.sourceCount == 0) {
            return false;
        }
        finest.trustNearKnown(CONFIDENCE);
        Level[] pyramid = pyramid(finest);
        if (pyramid.length == 1 && mask.area() > FULL_GUIDE_PIXELS) {
            // No coarser level with patches enough: a large region would be completed at one scale,
            // guided by a full-resolution solve that workingBytes does not count.
            return false;
        }
        Level coarsest = pyramid[pyramid.length - 1];
        SplittableRandom random = new SplittableRandom(seed);
        Clock clock = new Clock(deadline);
        boolean onEdge = touchesEdge(mask);
        int guideLevel = Math.min(guideLevel(mask.area(), onEdge), pyramid.length - 1);
        start.fill(coarsest.planes(out.minValue(), out.maxValue()), coarsest.holeMask());
        // Past the image's edge a ring of known pixels says little about what lies further out: on
        // bench/inpainting's outpainting the measured mix lowered the mean SSIM from 0.658 to 0.654.
        double harmonicShare = onEdge ? 0 : coarsest.harmonicShare(start, out.minValue(), out.maxValue(), deadline);
        coarsest.guideFromValues();
        if (guideLevel == pyramid.length - 1) {
            coarsest.mixHarmonic(harmonicShare, SEAM_REACH / (1 << guideLevel), deadline);
        }
        coarsest.randomMatches(random);
        for (int l = pyramid.length - 1; l >= 0; l--) {
            Level level = pyramid[l];
            if (l < pyramid.length - 1) {
                level.guideFrom(pyramid[l + 1]);
                if (l == guideLevel) {
                    level.guideFromSmoothFill(start, out.minValue(), out.maxValue(), deadline);
                    level.mixHarmonic(harmonicShare, SEAM_REACH / (1 << l), deadline);
                }
                level.matchesFrom(pyramid[l + 1], random);
                level.initialValuesFrom(pyramid[l + 1]);
                level.measure(clock);
                level.vote();
            }
            int rounds = l == pyramid.length - 1 ? COARSEST_ROUNDS : l == 0 ? FINEST_ROUNDS : FINER_ROUNDS;
            for (int round = 0; round < rounds; round++) {
                level.measure(clock);
                level.search(random, round % 2 == 0, clock);
                level.vote();
            }
        }
        finest.followGuide();
        for (double[] plane : out.planes()) {
            for (int i = mask.nextSet(0); i >= 0; i = mask.nextSet(i + 1)) {
                plane[i] = Math.max(out.minValue(), Math.min(out.maxValue(), plane[i]));
            }
        }
        return true;
    }

    /**
     * The share of the harmonic fill in the guide of a completion of {@code mask} on {@code image},
     * measured at the image's own scale (a completion measures it on its coarsest level).
     */
    double harmonicShare(PixelPlanes image, Mask mask) throws InterruptedException, OverBudgetException {
        return Level.of(image, mask)
                .harmonicShare(start, image.minValue(), image.maxValue(), BiharmonicInpainter.NO_DEADLINE);
    }

    /**
     * The levels, finest first, down to the first whose region is at most {@link #COARSEST_DEPTH}
     * deep, or the last that still has whole patches enough to copy from.
     */
    private static Level[] pyramid(Level finest) {
        int depth = deepest(finest.stepsFromKnown());
        Level[] levels = {finest};
        while (depth > COARSEST_DEPTH) {
            Level coarser = levels[levels.length - 1].halved();
            coarser.prepare();
            if (coarser.sourceCount < Math.max(MIN_SOURCES, coarser.targets.length / 2)) {
                break;
            }
            levels = Arrays.copyOf(levels, levels.length + 1);
            levels[levels.length - 1] = coarser;
            depth = (depth + 1) / 2;
        }
        return levels;
    }

    /**
     * Whether {@code region} has a masked pixel on its raster's edge: on an inpainting window, which
     * reaches past the mask on every side the image allows, whether part of it lies on the image's edge.
     */
    static boolean touchesEdge(Mask region) {
        int w = region.columns();
        int h = region.rows();
        for (int i = region.nextSet(0); i >= 0; i = region.nextSet(i + 1)) {
            int x = i % w;
            int y = i / w;
            if (x == 0 || y == 0 || x == w - 1 || y == h - 1) {
                return true;
            }
        }
        return false;
    }

    /** The farthest a masked pixel lies from a known one, in 8-connected steps. */
    static int depth(boolean[] hole, int columns, int rows) {
        return deepest(steps(hole, columns, rows));
    }

    private static int deepest(int[] steps) {
        int deepest = 0;
        for (int step : steps) {
            deepest = Math.max(deepest, step);
        }
        return deepest;
    }

    /** How far each pixel lies from a known one, in 8-connected steps: 0 for the known ones. */
    static int[] steps(boolean[] hole, int columns, int rows) {
        int[] queue = new int[hole.length];
        int[] steps = new int[hole.length];
        int tail = 0;
        for (int i = 0; i < hole.length; i++) {
            if (!hole[i]) {
                queue[tail++] = i;
            }
        }
        for (int head = 0; head < tail; head++) {
            int i = queue[head];
            int x = i % columns;
            int y = i / columns;
            for (int dy = -1; dy <= 1; dy++) {
                for (int dx = -1; dx <= 1; dx++) {
                    int nx = x + dx;
                    int ny = y + dy;
                    int n = ny * columns + nx;
                    if (nx >= 0 && ny >= 0 && nx < columns && ny < rows && hole[n] && steps[n] == 0) {
                        steps[n] = steps[i] + 1;
                        queue[tail++] = n;
                    }
                }
            }
        }
        return steps;
    }

    /** Thrown when the deadline passes during the completion. */
    static final class OverBudgetException extends Exception {

        OverBudgetException() {
            super("Patch completion ran past its time budget", null, false, false);
        }
    }

    /** Checks the deadline and the thread's interrupt every few thousand patches. */
    private static final class Clock {

        private final long deadline;
        private int ticks;

        Clock(long deadline) {
            this.deadline = deadline;
        }

        void tick() throws InterruptedException, OverBudgetException {
            if ((++ticks & 4095) == 0) {
                check();
            }
        }

        void check() throws InterruptedException, OverBudgetException {
            if (Thread.interrupted()) {
                throw new InterruptedException("Patch completion interrupted");
            }
            if (System.nanoTime() - deadline > 0) {
                throw new OverBudgetException();
            }
        }
    }

    /** One scale of the image: its values, the region, the source and target patches and their matches. */
    private static final class Level {

        private final int columns;
        private final int rows;
        private final double[][] values;
        private final boolean[] hole;
        /** The smooth fill the completion is guided by at the masked pixels; the level's values at the known ones. */
        private double[][] guide;
        /** Whether a patch centred here lies inside the image and holds no masked pixel. */
        private boolean[] source;
        private int sourceCount;
        /** The centres of the patches that hold a masked pixel, in raster order. */
        private int[] targets;
        /** Each pixel's place in {@link #targets}, or -1. */
        private int[] targetAt;
        /** Each pixel's place among the masked pixels, or -1, and how many are masked. */
        private int[] holeAt;
        private int holes;
        /** Each target's matching source centre and the summed squared difference to it. */
        private int[] matches;
        private double[] distances;
        /**
         * On the finest level, each pixel's distance to a known one in steps and, by how many steps a
         * patch's centre lies deeper than a pixel it votes for (-RADIUS to RADIUS), how much its vote
         * weighs; null on the levels where all votes weigh alike.
         */
        private int[] steps;
        private double[] trust;

        Level(int columns, int rows, double[][] values) {
            this.columns = columns;
            this.rows = rows;
            this.values = values;
            this.hole = new boolean[columns * rows];
        }

        /** The finest level: {@code image}'s planes themselves, which the completion fills, with {@code mask} as its region. */
        static Level of(PixelPlanes image, Mask mask) {
            Level level = new Level(image.columns(), image.rows(), image.planes());
            for (int i = mask.nextSet(0); i >= 0; i = mask.nextSet(i + 1)) {
                level.hole[i] = true;
            }
            return level;
        }

        PixelPlanes planes(double min, double max) {
            return new PixelPlanes(columns, rows, values, min, max);
        }

        Mask holeMask() {
            return mask(hole);
        }

        private Mask mask(boolean[] flags) {
            Mask mask = new Mask(columns, rows);
            for (int i = 0; i < flags.length; i++) {
                if (flags[i]) {
                    mask.set(i % columns, i / columns);
                }
            }
            return mask;
        }

        /**
         * How far the harmonic fill should be trusted over the biharmonic one, from 0 to 1: both fill
         * the region widened by {@link #RING} pixels, and the share is the mix of the two that best
         * predicts the known values of that ring (least squares). Both fills are smooth, so how they
         * continue the image into a ring is how they continue it into the region.
         */
        double harmonicShare(BiharmonicInpainter smooth, double min, double max, long deadline)
                throws InterruptedException, OverBudgetException {
            boolean[] widened = hole;
            for (int step = 0; step < RING; step++) {
                widened = grown(widened);
            }
            Mask region = mask(widened);
            if (region.area() == widened.length) {
                return 0;
            }
            double[][] biharmonic = PixelPlanes.copyOf(values);
            smooth.fill(new PixelPlanes(columns, rows, biharmonic, min, max), region, deadline);
            double[][] harmonic = PixelPlanes.copyOf(biharmonic);
            HarmonicFill.fill(harmonic, widened, columns, rows, deadline);
            double agreement = 0;
            double spread = 0;
            for (int c = 0; c < values.length; c++) {
                for (int i = 0; i < widened.length; i++) {
                    if (widened[i] && !hole[i]) {
                        double apart = harmonic[c][i] - biharmonic[c][i];
                        agreement += apart * (values[c][i] - biharmonic[c][i]);
                        spread += apart * apart;
                    }
                }
            }
            return spread == 0 ? 0 : Math.max(0, Math.min(1, agreement / spread));
        }

        /** {@code flags} grown by one pixel in each of the eight directions. */
        private boolean[] grown(boolean[] flags) {
            boolean[] grown = flags.clone();
            for (int i = 0; i < flags.length; i++) {
                if (flags[i]) {
                    int x = i % columns;
                    int y = i / columns;
                    for (int ny = Math.max(0, y - 1); ny <= Math.min(rows - 1, y + 1); ny++) {
                        for (int nx = Math.max(0, x - 1); nx <= Math.min(columns - 1, x + 1); nx++) {
                            grown[ny * columns + nx] = true;
                        }
                    }
                }
            }
            return grown;
        }

        /**
         * The guide (a biharmonic fill) mixed with the harmonic fill that starts from it: at d steps
         * from a known pixel, {@code share} times 1 - exp(-d / reach) of the latter. Its plane and the
         * steps come after the biharmonic solve has freed its memory, and take less.
         */
        void mixHarmonic(double share, double reach, long deadline) throws InterruptedException, OverBudgetException {
            if (share == 0) {
                return;
            }
            double[][] harmonic = PixelPlanes.copyOf(values);
            for (int c = 0; c < values.length; c++) {
                for (int i = 0; i < hole.length; i++) {
                    if (hole[i]) {
                        harmonic[c][i] = guide[c][i];
                    }
                }
            }
            HarmonicFill.fill(harmonic, hole, columns, rows, deadline);
            int[] fromKnown = stepsFromKnown();
            for (int i = 0; i < hole.length; i++) {
                if (hole[i]) {
                    double mix = share * (1 - Math.exp(-fromKnown[i] / reach));
                    for (int c = 0; c < values.length; c++) {
                        guide[c][i] = (1 - mix) * guide[c][i] + mix * harmonic[c][i];
                    }
                }
            }
        }

        void guideFromValues() {
            guide = PixelPlanes.copyOf(values);
        }

        /** The guide replaced by this level's own biharmonic fill. */
        void guideFromSmoothFill(BiharmonicInpainter smooth, double min, double max, long deadline) {
            Mask region = holeMask();
            double[][] planes = PixelPlanes.copyOf(values);
            smooth.fill(new PixelPlanes(columns, rows, planes, min, max), region, deadline);
            for (int c = 0; c < values.length; c++) {
                for (int i = region.nextSet(0); i >= 0; i = region.nextSet(i + 1)) {
                    guide[c][i] = planes[c][i];
                }
            }
        }

        /**
         * Takes the masked pixels' coarse course from the guide: adds the blur of what the guide
         * differs from them by. The patches' votes let a large region's brightness drift (on an
         * outpainted border, into copies of whatever the image holds elsewhere), and the smooth fill
         * has no structure; together they score better than either alone (bench/inpainting).
         */
        void followGuide() {
            for (int c = 0; c < values.length; c++) {
                double[] plane = values[c];
                double[] difference = new double[plane.length];
                for (int i = 0; i < plane.length; i++) {
                    if (hole[i]) {
                        difference[i] = guide[c][i] - plane[i];
                    }
                }
                TextureSynthesis.blur(difference, columns, rows);
                for (int i = 0; i < plane.length; i++) {
                    if (hole[i]) {
                        plane[i] += difference[i];
                    }
                }
            }
        }

        /**
         * The coarser level's guide, interpolated bilinearly at this level's masked pixels; at the
         * known ones the guide is their values, which a finer level's masked pixels next to them read.
         */
        void guideFrom(Level coarse) {
            guide = PixelPlanes.copyOf(values);
            for (int i = 0; i < hole.length; i++) {
                if (hole[i]) {
                    double x = Math.max(0, Math.min(coarse.columns - 1, (i % columns - 0.5) / 2));
                    double y = Math.max(0, Math.min(coarse.rows - 1, (i / columns - 0.5) / 2));
                    int x0 = (int) x;
                    int y0 = (int) y;
                    int x1 = Math.min(coarse.columns - 1, x0 + 1);
                    int y1 = Math.min(coarse.rows - 1, y0 + 1);
                    double fx = x - x0;
                    double fy = y - y0;
                    for (int c = 0; c < values.length; c++) {
                        double[] g = coarse.guide[c];
                        guide[c][i] = (1 - fy) * ((1 - fx) * g[y0 * coarse.columns + x0] + fx * g[y0 * coarse.columns + x1])
                                + fy * ((1 - fx) * g[y1 * coarse.columns + x0] + fx * g[y1 * coarse.columns + x1]);
                    }
                }
            }
        }

        /** The next coarser level: each pixel the mean of a 2x2 block, masked where any of the block is. */
        Level halved() {
            int w = (columns + 1) / 2;
            int h = (rows + 1) / 2;
            Level coarse = new Level(w, h, new double[values.length][w * h]);
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int count = 0;
                    for (int j = 0; j < 2; j++) {
                        for (int i = 0; i < 2; i++) {
                            int fx = 2 * x + i;
                            int fy = 2 * y + j;
                            if (fx < columns && fy < rows) {
                                int f = fy * columns + fx;
                                coarse.hole[y * w + x] |= hole[f];
                                for (int c = 0; c < values.length; c++) {
                                    coarse.values[c][y * w + x] += values[c][f];
                                }
                                count++;
                            }
                        }
                    }
                    for (int c = 0; c < values.length; c++) {
                        coarse.values[c][y * w + x] /= count;
                    }
                }
            }
            return coarse;
        }

        /** Numbers the masked pixels and finds the source and target patches, from running sums of the masked ones. */
        void prepare() {
            int[] sums = new int[(columns + 1) * (rows + 1)];
            for (int y = 0; y < rows; y++) {
                int line = 0;
                for (int x = 0; x < columns; x++) {
                    line += hole[y * columns + x] ? 1 : 0;
                    sums[(y + 1) * (columns + 1) + x + 1] = sums[y * (columns + 1) + x + 1] + line;
                }
            }
            holeAt = new int[hole.length];
            for (int i = 0; i < hole.length; i++) {
                holeAt[i] = hole[i] ? holes++ : -1;
            }
            source = new boolean[columns * rows];
            targetAt = new int[columns * rows];
            int targetCount = 0;
            for (int y = 0; y < rows; y++) {
                for (int x = 0; x < columns; x++) {
                    int x0 = Math.max(0, x - RADIUS);
                    int y0 = Math.max(0, y - RADIUS);
                    int x1 = Math.min(columns, x + RADIUS + 1);
                    int y1 = Math.min(rows, y + RADIUS + 1);
                    int masked = sums[y1 * (columns + 1) + x1] - sums[y0 * (columns + 1) + x1]
                            - sums[y1 * (columns + 1) + x0] + sums[y0 * (columns + 1) + x0];
                    boolean inside = x >= RADIUS && y >= RADIUS && x < columns - RADIUS && y < rows - RADIUS;
                    source[y * columns + x] = inside && masked == 0;
                    sourceCount += source[y * columns + x] ? 1 : 0;
                    targetAt[y * columns + x] = masked > 0 ? targetCount++ : -1;
                }
            }
            targets = new int[targetCount];
            for (int i = 0; i < targetAt.length; i++) {
                if (targetAt[i] >= 0) {
                    targets[targetAt[i]] = i;
                }
            }
            matches = new int[targetCount];
            distances = new double[targetCount];
        }

        void randomMatches(SplittableRandom random) {
            for (int t = 0; t < targets.length; t++) {
                matches[t] = randomSource(random);
            }
        }

        private int randomSource(SplittableRandom random) {
            for (int draw = 0; draw < DRAWS; draw++) {
                int candidate = random.nextInt(source.length);
                if (source[candidate]) {
                    return candidate;
                }
            }
            int from = random.nextInt(source.length);
            for (int i = 0; i < source.length; i++) {
                int candidate = (from + i) % source.length;
                if (source[candidate]) {
                    return candidate;
                }
            }
            throw new IllegalStateException("No source patch on a level that has " + sourceCount);
        }

        /**
         * Lets each target's vote weigh {@code base} times less for each step its centre lies further
         * from a known pixel (Wexler et al.'s confidence term). A pixel's votes are normalised by their
         * sum, so only the steps by which a centre lies deeper than the pixel count: at most a patch's
         * radius either way, and no weight underflows however deep the region.
         */
        void trustNearKnown(double base) {
            steps = steps(hole, columns, rows);
            trust = new double[2 * RADIUS + 1];
            for (int deeper = -RADIUS; deeper <= RADIUS; deeper++) {
                trust[deeper + RADIUS] = Math.pow(base, -deeper);
            }
        }

        /** Each pixel's steps from a known one: those the vote keeps on the finest level, else counted now. */
        private int[] stepsFromKnown() {
            return steps != null ? steps : steps(hole, columns, rows);
        }

        /** Each target's match carried up from the coarser level: the same offset, doubled. */
        void matchesFrom(Level coarse, SplittableRandom random) {
            for (int t = 0; t < targets.length; t++) {
                int x = targets[t] % columns;
                int y = targets[t] / columns;
                int c = coarse.targetAt[Math.min(y / 2, coarse.rows - 1) * coarse.columns + Math.min(x / 2, coarse.columns - 1)];
                int match = -1;
                if (c >= 0) {
                    int sx = 2 * (coarse.matches[c] % coarse.columns) + (x & 1);
                    int sy = 2 * (coarse.matches[c] / coarse.columns) + (y & 1);
                    if (sx < columns && sy < rows && source[sy * columns + sx]) {
                        match = sy * columns + sx;
                    }
                }
                matches[t] = match >= 0 ? match : randomSource(random);
            }
        }

        /** The masked pixels' starting values: the coarser level's, each spread over its 2x2 block. */
        void initialValuesFrom(Level coarse) {
            for (int i = 0; i < hole.length; i++) {
                if (hole[i]) {
                    int c = Math.min(i / columns / 2, coarse.rows - 1) * coarse.columns
                            + Math.min(i % columns / 2, coarse.columns - 1);
                    for (int p = 0; p < values.length; p++) {
                        values[p][i] = coarse.values[p][c];
                    }
                }
            }
        }

        /** The distance of every target to its match, after the values changed. */
        void measure(Clock clock) throws InterruptedException, OverBudgetException {
            for (int t = 0; t < targets.length; t++) {
                distances[t] = distance(targets[t], matches[t], Double.MAX_VALUE);
                clock.tick();
            }
        }

        /** One PatchMatch pass: propagation from the neighbours already visited, then a random search. */
        void search(SplittableRandom random, boolean forward, Clock clock)
                throws InterruptedException, OverBudgetException {
            int step = forward ? 1 : -1;
            int reach = Math.max(columns, rows);
            for (int k = 0; k < targets.length; k++) {
                int t = forward ? k : targets.length - 1 - k;
                int p = targets[t];
                int x = p % columns;
                int y = p / columns;
                int neighbour = x - step >= 0 && x - step < columns ? targetAt[p - step] : -1;
                if (neighbour >= 0) {
                    consider(t, matches[neighbour] + step);
                }
                neighbour = y - step >= 0 && y - step < rows ? targetAt[p - step * columns] : -1;
                if (neighbour >= 0) {
                    consider(t, matches[neighbour] + step * columns);
                }
                for (int radius = reach; radius >= 1; radius /= 2) {
                    int sx = matches[t] % columns + random.nextInt(2 * radius + 1) - radius;
                    int sy = matches[t] / columns + random.nextInt(2 * radius + 1) - radius;
                    if (sx >= 0 && sy >= 0 && sx < columns && sy < rows) {
                        consider(t, sy * columns + sx);
                    }
                }
                clock.tick();
            }
        }

        private void consider(int t, int candidate) {
            if (candidate < 0 || candidate >= source.length || !source[candidate] || candidate == matches[t]) {
                return;
            }
            double d = distance(targets[t], candidate, distances[t]);
            if (d < distances[t]) {
                distances[t] = d;
                matches[t] = candidate;
            }
        }

        /**
         * The summed squared difference of the target patch at {@code t} to the source at {@code s},
         * plus the guide's term, stopping past {@code limit}.
         */
        private double distance(int t, int s, double limit) {
            int tx = t % columns;
            int ty = t / columns;
            int sx = s % columns;
            int sy = s / columns;
            double sum = 0;
            double guideTerm = 0;
            boolean inside = tx >= RADIUS && ty >= RADIUS && tx < columns - RADIUS && ty < rows - RADIUS;
            for (int c = 0; c < values.length; c++) {
                double[] plane = values[c];
                double[] smooth = guide[c];
                double offGuide = 0;
                int masked = 0;
                for (int dy = -RADIUS; dy <= RADIUS; dy++) {
                    if (!inside && (ty + dy < 0 || ty + dy >= rows)) {
                        continue;
                    }
                    int tr = (ty + dy) * columns + tx;
                    int sr = (sy + dy) * columns + sx;
                    for (int dx = -RADIUS; dx <= RADIUS; dx++) {
                        if (inside || (tx + dx >= 0 && tx + dx < columns)) {
                            double diff = plane[tr + dx] - plane[sr + dx];
                            sum += diff * diff;
                            if (hole[tr + dx]) {
                                offGuide += smooth[tr + dx] - plane[sr + dx];
                                masked++;
                            }
                        }
                    }
                    if (sum >= limit) {
                        return sum;
                    }
                }
                guideTerm += masked == 0 ? 0 : offGuide * offGuide / masked;
            }
            return sum + GUIDE_WEIGHT * guideTerm;
        }

        /**
         * Each masked pixel becomes the mean of what the matches of the patches covering it say it is,
         * weighted by how well each patch matched (Wexler et al.'s weights, with the scale set by the
         * 75th percentile of the distances).
         */
        void vote() {
            double[] sorted = distances.clone();
            Arrays.sort(sorted);
            double scale = 2 * Math.max(sorted[(int) (0.75 * (sorted.length - 1))], 1e-12);
            double[][] sums = new double[values.length][holes];
            double[] weights = new double[holes];
            for (int t = 0; t < targets.length; t++) {
                int tx = targets[t] % columns;
                int ty = targets[t] / columns;
                int offset = matches[t] - targets[t];
                double match = Math.exp(-distances[t] / pixelsInImage(tx, ty) / scale);
                int centre = steps == null ? 0 : steps[targets[t]];
                for (int y = Math.max(0, ty - RADIUS); y <= Math.min(rows - 1, ty + RADIUS); y++) {
                    for (int x = Math.max(0, tx - RADIUS); x <= Math.min(columns - 1, tx + RADIUS); x++) {
                        int h = holeAt[y * columns + x];
                        if (h >= 0) {
                            double weight = steps == null ? match
                                    : match * trust[centre - steps[y * columns + x] + RADIUS];
                            weights[h] += weight;
                            for (int c = 0; c < values.length; c++) {
                                sums[c][h] += weight * values[c][y * columns + x + offset];
                            }
                        }
                    }
                }
            }
            for (int i = 0; i < hole.length; i++) {
                int h = holeAt[i];
                if (h >= 0 && weights[h] > 0) {
                    for (int c = 0; c < values.length; c++) {
                        values[c][i] = sums[c][h] / weights[h];
                    }
                }
            }
        }

        private double pixelsInImage(int tx, int ty) {
            int w = Math.min(columns - 1, tx + RADIUS) - Math.max(0, tx - RADIUS) + 1;
            int h = Math.min(rows - 1, ty + RADIUS) - Math.max(0, ty - RADIUS) + 1;
            return (double) w * h * values.length;
        }
    }
}
