package io.synthgate.generator.builtin;

import io.synthgate.mask.Mask;
import io.synthgate.pixels.PixelPlanes;
import java.util.Arrays;

/**
 * Telea's fast marching inpainting (A. Telea, "An Image Inpainting Technique Based on the Fast
 * Marching Method", J. Graphics Tools 9(1), 2004), as OpenCV implements it. The masked region is
 * filled from its border inwards, in order of distance to the known pixels; each pixel becomes a
 * weighted average of the known and already filled neighbours within {@code radius}, weighted by
 * direction (along the level-set normal), distance (1/d^3) and level-set proximity. The paper's
 * first-order gradient term is left out: OpenCV bounds it to about one grey level, and at full
 * strength it feeds the image's noise back into itself and diverges on radiographs. All channels
 * share one marching order.
 */
public final class FastMarchingInpainter {

    private static final byte KNOWN = 0;
    private static final byte BAND = 1;
    private static final byte INSIDE = 2;
    private static final double FAR = 1.0e6;

    private final int radius;

    public FastMarchingInpainter(int radius) {
        if (radius < 1) {
            throw new IllegalArgumentException("Inpainting radius must be at least 1 pixel");
        }
        this.radius = radius;
    }

    /** A copy of {@code image} whose masked pixels are filled; unmasked values are copied unchanged. */
    public PixelPlanes inpaint(PixelPlanes image, Mask mask) {
        PixelPlanes out = image.copy();
        fill(out, mask);
        return out;
    }

    /** Fills the masked pixels of {@code out} where they are, reading only its unmasked ones. */
    void fill(PixelPlanes out, Mask mask) {
        int w = out.columns();
        int h = out.rows();
        byte[] flag = new byte[w * h];
        double[] t = new double[w * h];
        MinHeap band = new MinHeap(Math.max(16, mask.area()));
        for (int i = 0; i < w * h; i++) {
            if (mask.isSet(i)) {
                flag[i] = INSIDE;
                t[i] = FAR;
            }
        }
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                if (flag[i] != INSIDE && touchesInside(flag, w, h, x, y)) {
                    flag[i] = BAND;
                    band.push(0, i);
                }
            }
        }
        if (band.isEmpty()) {
            fillUniform(out, mask);
            return;
        }
        while (!band.isEmpty()) {
            int p = band.popIndex();
            if (flag[p] == KNOWN) {
                continue;
            }
            flag[p] = KNOWN;
            int px = p % w;
            int py = p / w;
            int[][] neighbours = {{px - 1, py}, {px + 1, py}, {px, py - 1}, {px, py + 1}};
            for (int[] n : neighbours) {
                int qx = n[0];
                int qy = n[1];
                if (qx < 0 || qy < 0 || qx >= w || qy >= h) {
                    continue;
                }
                int q = qy * w + qx;
                if (flag[q] == KNOWN) {
                    continue;
                }
                t[q] = Math.min(Math.min(solve(flag, t, w, h, qx - 1, qy, qx, qy - 1), solve(flag, t, w, h, qx + 1, qy, qx, qy - 1)),
                        Math.min(solve(flag, t, w, h, qx - 1, qy, qx, qy + 1), solve(flag, t, w, h, qx + 1, qy, qx, qy + 1)));
                if (flag[q] == INSIDE) {
                    // Filled before it joins the band, so that no estimate ever reads its unfilled value.
                    fillPixel(out, flag, t, w, h, qx, qy);
                    flag[q] = BAND;
                }
                band.push(t[q], q);
            }
        }
    }

    private static boolean touchesInside(byte[] flag, int w, int h, int x, int y) {
        return (x > 0 && flag[y * w + x - 1] == INSIDE) || (x < w - 1 && flag[y * w + x + 1] == INSIDE)
                || (y > 0 && flag[(y - 1) * w + x] == INSIDE) || (y < h - 1 && flag[(y + 1) * w + x] == INSIDE);
    }

    /** Solves the eikonal equation |grad T| = 1 at a pixel from two of its neighbours (Telea's eq. 3). */
    private static double solve(byte[] flag, double[] t, int w, int h, int x1, int y1, int x2, int y2) {
        boolean known1 = x1 >= 0 && y1 >= 0 && x1 < w && y1 < h && flag[y1 * w + x1] != INSIDE;
        boolean known2 = x2 >= 0 && y2 >= 0 && x2 < w && y2 < h && flag[y2 * w + x2] != INSIDE;
        if (known1 && known2) {
            double t1 = t[y1 * w + x1];
            double t2 = t[y2 * w + x2];
            double d = 2.0 - (t1 - t2) * (t1 - t2);
            if (d > 0) {
                double r = Math.sqrt(d);
                double s = (t1 + t2 - r) / 2;
                if (s >= t1 && s >= t2) {
                    return s;
                }
                s += r;
                if (s >= t1 && s >= t2) {
                    return s;
                }
            }
            return 1 + Math.min(t1, t2);
        }
        if (known1) {
            return 1 + t[y1 * w + x1];
        }
        if (known2) {
            return 1 + t[y2 * w + x2];
        }
        return FAR;
    }

    private void fillPixel(PixelPlanes out, byte[] flag, double[] t, int w, int h, int qx, int qy) {
        int q = qy * w + qx;
        double gradTx = gradient(t, flag, w, h, qx, qy, 1, 0);
        double gradTy = gradient(t, flag, w, h, qx, qy, 0, 1);
        double norm = Math.hypot(gradTx, gradTy);
        if (norm > 0) {
            gradTx /= norm;
            gradTy /= norm;
        }
        int planes = out.planes().length;
        double[] sums = new double[planes];
        double weights = 0;
        for (int ry = Math.max(0, qy - radius); ry <= Math.min(h - 1, qy + radius); ry++) {
            for (int rx = Math.max(0, qx - radius); rx <= Math.min(w - 1, qx + radius); rx++) {
                int r = ry * w + rx;
                if (r == q || flag[r] == INSIDE) {
                    continue;
                }
                double dx = qx - rx;
                double dy = qy - ry;
                double dist2 = dx * dx + dy * dy;
                if (dist2 > (double) radius * radius) {
                    continue;
                }
                double dist = Math.sqrt(dist2);
                double direction = Math.abs(dx * gradTx + dy * gradTy) / dist;
                if (direction < 1e-6) {
                    direction = 1e-6;
                }
                double level = 1.0 / (1.0 + Math.abs(t[r] - t[q]));
                double weight = direction * level / (dist2 * dist);
                for (int c = 0; c < planes; c++) {
                    sums[c] += weight * out.planes()[c][r];
                }
                weights += weight;
            }
        }
        for (int c = 0; c < planes; c++) {
            double[] plane = out.planes()[c];
            double value = weights > 0 ? sums[c] / weights : plane[q];
            plane[q] = Math.max(out.minValue(), Math.min(out.maxValue(), value));
        }
    }

    /** Central (or one-sided, at the edge of what is known) difference of {@code values} along (sx, sy). */
    private static double gradient(double[] values, byte[] flag, int w, int h, int x, int y, int sx, int sy) {
        int ax = x + sx;
        int ay = y + sy;
        int bx = x - sx;
        int by = y - sy;
        boolean after = ax < w && ay < h && flag[ay * w + ax] != INSIDE;
        boolean before = bx >= 0 && by >= 0 && flag[by * w + bx] != INSIDE;
        int i = y * w + x;
        if (after && before) {
            return (values[ay * w + ax] - values[by * w + bx]) / 2;
        }
        if (after) {
            return values[ay * w + ax] - values[i];
        }
        if (before) {
            return values[i] - values[by * w + bx];
        }
        return 0;
    }

    /** A mask that covers the whole image has no border to march from: fill with mid-range. */
    private static void fillUniform(PixelPlanes out, Mask mask) {
        double mid = (out.minValue() + out.maxValue()) / 2;
        for (double[] plane : out.planes()) {
            for (int i = 0; i < plane.length; i++) {
                if (mask.isSet(i)) {
                    plane[i] = mid;
                }
            }
        }
    }

    /** A binary min-heap of (distance, pixel index) without boxing. */
    private static final class MinHeap {
        private double[] keys;
        private int[] values;
        private int size;

        MinHeap(int capacity) {
            keys = new double[capacity];
            values = new int[capacity];
        }

        boolean isEmpty() {
            return size == 0;
        }

        void push(double key, int value) {
            if (size == keys.length) {
                keys = Arrays.copyOf(keys, size * 2);
                values = Arrays.copyOf(values, size * 2);
            }
            int i = size++;
            while (i > 0) {
                int parent = (i - 1) / 2;
                if (keys[parent] <= key) {
                    break;
                }
                keys[i] = keys[parent];
                values[i] = values[parent];
                i = parent;
            }
            keys[i] = key;
            values[i] = value;
        }

        int popIndex() {
            int top = values[0];
            size--;
            double key = keys[size];
            int value = values[size];
            int i = 0;
            while (true) {
                int child = 2 * i + 1;
                if (child >= size) {
                    break;
                }
                if (child + 1 < size && keys[child + 1] < keys[child]) {
                    child++;
                }
                if (keys[child] >= key) {
                    break;
                }
                keys[i] = keys[child];
                values[i] = values[child];
                i = child;
            }
            keys[i] = key;
            values[i] = value;
            return top;
        }
    }
}
