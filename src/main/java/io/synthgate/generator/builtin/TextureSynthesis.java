package io.synthgate.generator.builtin;

import io.synthgate.mask.Mask;
import io.synthgate.pixels.PixelPlanes;
import io.synthgate.pixels.RobustSpread;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Synthesises the fine texture of a masked region (quantum noise, film grain, trabecular detail),
 * which every smooth fill lacks, by exemplar-based synthesis (Efros and Leung, "Texture Synthesis by
 * Non-parametric Sampling", ICCV 1999, with the coherent candidates of Ashikhmin, "Synthesizing
 * Natural Textures", I3D 2001). It works on the high-pass residual, the image less a Gaussian blur
 * of its known pixels, so the texture can be laid over a smooth fill without shifting its level:
 * masked pixels are filled from the region's border inwards, each copying the residual of the known
 * pixel whose 7x7 neighbourhood best matches what is already there, chosen among the continuations
 * of its filled neighbours' sources and random known pixels nearby.
 */
public final class TextureSynthesis {

    /** Scale of the blur the residual is taken against: detail finer than about 2 pixels. */
    private static final double SIGMA = 2.0;
    private static final int BLUR_RADIUS = (int) Math.ceil(3 * SIGMA);
    private static final int HALF_WINDOW = 3;
    private static final int RANDOM_CANDIDATES = 24;
    /** How far from a pixel random candidates are drawn, beyond its distance to the known pixels. */
    private static final int SEARCH_RADIUS = 48;
    /**
     * How far beyond the mask's bounding box synthesis reads. A masked pixel is at most one pixel
     * further from the known ones than from the box's edge (the pixel just past the edge is known),
     * so its random candidates lie within {@code SEARCH_RADIUS + 1} of the box; their neighbourhoods
     * reach {@code HALF_WINDOW} further and the blur behind the residual {@code BLUR_RADIUS} further
     * still. A coherent run copying a strip that carries on past it stops there.
     */
    static final int REACH = SEARCH_RADIUS + 1 + HALF_WINDOW + BLUR_RADIUS;
    /**
     * Copied residuals are held within this many robust standard deviations of the image's: beyond
     * lie edges (a collimator border, a marker), which are structure, not grain, and would show as
     * bright specks when copied into the middle of a region.
     */
    private static final double OUTLIER_LIMIT = 3;

    /**
     * Adds {@code share} of the synthesised residual to the masked pixels of {@code image} in place,
     * held within the image's range.
     */
    void overlay(PixelPlanes image, Mask mask, long seed, double share) {
        double[][] detail = residual(image, mask, seed);
        for (int c = 0; c < image.planes().length; c++) {
            double[] plane = image.planes()[c];
            for (int i = mask.nextSet(0); i >= 0; i = mask.nextSet(i + 1)) {
                plane[i] = Math.max(image.minValue(), Math.min(image.maxValue(), plane[i] + share * detail[c][i]));
            }
        }
    }

    /**
     * The synthesised residual, one plane per channel, at the masked pixels (elsewhere the image's
     * own). The same image, mask and seed give the same residual.
     */
    public double[][] residual(PixelPlanes image, Mask mask, long seed) {
        int w = image.columns();
        int h = image.rows();
        int channels = image.planes().length;
        double[][] residual = new double[channels][];
        double[] limit = new double[channels];
        for (int c = 0; c < channels; c++) {
            residual[c] = highPass(image.planes()[c], mask, w, h);
            limit[c] = OUTLIER_LIMIT * robustDeviation(residual[c], mask);
        }
        int[] distance = distanceToKnown(mask, w, h);
        int[] source = new int[w * h];
        boolean[] available = new boolean[w * h];
        int knownCount = 0;
        for (int i = 0; i < w * h; i++) {
            available[i] = !mask.isSet(i);
            source[i] = i;
            if (available[i]) {
                knownCount++;
            }
        }
        if (knownCount == 0) {
            return residual;
        }
        // The known pixels, listed only if a pixel finds no candidate: a boxed list of every pixel took
        // about 20 bytes each, 175 MB for a 3340x2670 radiograph.
        int[] known = null;
        SplittableRandom random = new SplittableRandom(seed);
        for (int p : fillOrder(distance, w * h)) {
            int best = -1;
            double bestScore = Double.MAX_VALUE;
            int px = p % w;
            int py = p / w;
            for (int dy = -1; dy <= 1; dy++) {
                for (int dx = -1; dx <= 1; dx++) {
                    int qx = px + dx;
                    int qy = py + dy;
                    if ((dx != 0 || dy != 0) && qx >= 0 && qy >= 0 && qx < w && qy < h && available[qy * w + qx]
                            && mask.isSet(qy * w + qx)) {
                        int s = source[qy * w + qx];
                        int cx = s % w - dx;
                        int cy = s / w - dy;
                        double score = score(residual, mask, available, w, h, px, py, cx, cy);
                        if (score < bestScore) {
                            bestScore = score;
                            best = cy * w + cx;
                        }
                    }
                }
            }
            int reach = SEARCH_RADIUS + distance[p];
            for (int k = 0; k < RANDOM_CANDIDATES; k++) {
                int cx = px + random.nextInt(-reach, reach + 1);
                int cy = py + random.nextInt(-reach, reach + 1);
                double score = score(residual, mask, available, w, h, px, py, cx, cy);
                if (score < bestScore) {
                    bestScore = score;
                    best = cy * w + cx;
                }
            }
            if (best < 0) {
                if (known == null) {
                    known = knownPixels(mask, w * h, knownCount);
                }
                best = known[random.nextInt(known.length)];
            }
            source[p] = best;
            for (int c = 0; c < channels; c++) {
                residual[c][p] = Math.max(-limit[c], Math.min(limit[c], residual[c][best]));
            }
            available[p] = true;
        }
        return residual;
    }

    /**
     * Mean squared difference between the residual around (px, py), where already known or filled,
     * and around the known candidate (cx, cy); infinite for a candidate that is not a known pixel or
     * shares fewer than four pixels of neighbourhood.
     */
    private static double score(double[][] residual, Mask mask, boolean[] available, int w, int h, int px, int py,
            int cx, int cy) {
        if (cx < 0 || cy < 0 || cx >= w || cy >= h || mask.isSet(cy * w + cx)) {
            return Double.MAX_VALUE;
        }
        double sum = 0;
        int count = 0;
        for (int oy = -HALF_WINDOW; oy <= HALF_WINDOW; oy++) {
            int ay = py + oy;
            int by = cy + oy;
            if (ay < 0 || by < 0 || ay >= h || by >= h) {
                continue;
            }
            for (int ox = -HALF_WINDOW; ox <= HALF_WINDOW; ox++) {
                int ax = px + ox;
                int bx = cx + ox;
                if (ax < 0 || bx < 0 || ax >= w || bx >= w) {
                    continue;
                }
                int a = ay * w + ax;
                int b = by * w + bx;
                if (available[a] && !mask.isSet(b)) {
                    for (double[] plane : residual) {
                        double d = plane[a] - plane[b];
                        sum += d * d;
                    }
                    count++;
                }
            }
        }
        return count < 4 ? Double.MAX_VALUE : sum / count;
    }

    /** 1.4826 times the median absolute residual of the known pixels: the standard deviation of the grain, unmoved by edges. */
    private static double robustDeviation(double[] residual, Mask mask) {
        double[] known = new double[residual.length - mask.area()];
        int k = 0;
        for (int i = 0; i < residual.length; i++) {
            if (!mask.isSet(i)) {
                known[k++] = Math.abs(residual[i]);
            }
        }
        return RobustSpread.of(known, k);
    }

    /**
     * The image less a Gaussian blur of its known pixels (normalised convolution, so masked pixels
     * do not pull it); zero at masked pixels.
     */
    private static double[] highPass(double[] plane, Mask mask, int w, int h) {
        double[] kernel = kernel();
        double[] values = new double[w * h];
        double[] weights = new double[w * h];
        for (int i = 0; i < w * h; i++) {
            if (!mask.isSet(i)) {
                values[i] = plane[i];
                weights[i] = 1;
            }
        }
        blur(values, kernel, w, h);
        blur(weights, kernel, w, h);
        for (int i = 0; i < w * h; i++) {
            values[i] = !mask.isSet(i) && weights[i] > 0 ? plane[i] - values[i] / weights[i] : 0;
        }
        return values;
    }

    /**
     * Blurs {@code values} in place at the scale of the residual, the detail this class synthesises,
     * with a kernel that sums to one (cut short, not renormalised, at the edges).
     */
    static void blur(double[] values, int w, int h) {
        double[] kernel = kernel();
        double sum = Arrays.stream(kernel).sum();
        for (int i = 0; i < kernel.length; i++) {
            kernel[i] /= sum;
        }
        blur(values, kernel, w, h);
    }

    private static double[] kernel() {
        double[] kernel = new double[2 * BLUR_RADIUS + 1];
        for (int i = -BLUR_RADIUS; i <= BLUR_RADIUS; i++) {
            kernel[i + BLUR_RADIUS] = Math.exp(-i * i / (2 * SIGMA * SIGMA));
        }
        return kernel;
    }

    /** Blurs {@code values} in place, rows then columns, through one line of scratch. */
    private static void blur(double[] values, double[] kernel, int w, int h) {
        double[] line = new double[Math.max(w, h)];
        for (int y = 0; y < h; y++) {
            blurLine(values, y * w, 1, w, kernel, line);
        }
        for (int x = 0; x < w; x++) {
            blurLine(values, x, w, h, kernel, line);
        }
    }

    private static void blurLine(double[] values, int start, int stride, int length, double[] kernel, double[] line) {
        for (int i = 0; i < length; i++) {
            line[i] = values[start + i * stride];
        }
        for (int i = 0; i < length; i++) {
            double sum = 0;
            for (int k = Math.max(-BLUR_RADIUS, -i); k <= Math.min(BLUR_RADIUS, length - 1 - i); k++) {
                sum += kernel[k + BLUR_RADIUS] * line[i + k];
            }
            values[start + i * stride] = sum;
        }
    }

    /** City-block distance of every pixel to the nearest known one (0 for known pixels). */
    private static int[] distanceToKnown(Mask mask, int w, int h) {
        int[] distance = new int[w * h];
        int far = w + h;
        for (int i = 0; i < w * h; i++) {
            distance[i] = mask.isSet(i) ? far : 0;
        }
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                if (x > 0) {
                    distance[i] = Math.min(distance[i], distance[i - 1] + 1);
                }
                if (y > 0) {
                    distance[i] = Math.min(distance[i], distance[i - w] + 1);
                }
            }
        }
        for (int y = h - 1; y >= 0; y--) {
            for (int x = w - 1; x >= 0; x--) {
                int i = y * w + x;
                if (x < w - 1) {
                    distance[i] = Math.min(distance[i], distance[i + 1] + 1);
                }
                if (y < h - 1) {
                    distance[i] = Math.min(distance[i], distance[i + w] + 1);
                }
            }
        }
        return distance;
    }

    /** The indices of the pixels outside the mask, in order. */
    private static int[] knownPixels(Mask mask, int size, int count) {
        int[] known = new int[count];
        int next = 0;
        for (int i = 0; i < size; i++) {
            if (!mask.isSet(i)) {
                known[next++] = i;
            }
        }
        return known;
    }

    /** Masked pixels from the border inwards: by distance to the known pixels, then in raster order. */
    private static int[] fillOrder(int[] distance, int size) {
        int max = 0;
        int count = 0;
        for (int d : distance) {
            if (d > 0) {
                max = Math.max(max, d);
                count++;
            }
        }
        int[] starts = new int[max + 2];
        for (int d : distance) {
            if (d > 0) {
                starts[d + 1]++;
            }
        }
        for (int d = 1; d <= max + 1; d++) {
            starts[d] += starts[d - 1];
        }
        int[] order = new int[count];
        for (int i = 0; i < size; i++) {
            if (distance[i] > 0) {
                order[starts[distance[i]]++] = i;
            }
        }
        return order;
    }
}
