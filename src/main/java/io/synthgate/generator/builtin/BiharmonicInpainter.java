package io.synthgate.generator.builtin;

import io.synthgate.mask.Mask;
import io.synthgate.pixels.PixelPlanes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Biharmonic inpainting: the masked values minimise the thin-plate energy, the sum of the squared
 * discrete Laplacian over every pixel whose Laplacian involves a masked one, with the known pixels
 * fixed (Damelin and Hoang, "On Surface Completion and Image Inpainting by Biharmonic Functions",
 * 2018; the method of scikit-image's {@code inpaint_biharmonic}, which solves the same equations
 * with a sparse direct solver). Here they are solved by conjugate gradients preconditioned, region
 * by region, with the inverse of the squared Laplacian on a rectangle around the region, applied by
 * sine transforms: on a rectangular region that is nearly the exact inverse, so a few dozen
 * iterations suffice whatever the region's size. Outside the image the Laplacian mirrors the edge
 * pixel (a Neumann border), so masks may touch the edge.
 */
public final class BiharmonicInpainter {

    /** Stop once the preconditioned residual has fallen by this factor. */
    private static final double TOLERANCE = 1e-6;
    /** A deadline that never passes. */
    static final long NO_DEADLINE = Long.MAX_VALUE;

    private final FastMarchingInpainter start = new FastMarchingInpainter(5);
    private final int maxIterations;

    /** @param maxIterations most conjugate-gradient iterations per channel; the solve stops earlier once converged */
    public BiharmonicInpainter(int maxIterations) {
        this.maxIterations = maxIterations;
    }

    /** A copy of {@code image} whose masked pixels are filled; unmasked values are copied unchanged. */
    public PixelPlanes inpaint(PixelPlanes image, Mask mask) {
        PixelPlanes out = image.copy();
        fill(out, mask);
        return out;
    }

    /** Fills the masked pixels of {@code out} where they are, reading only its unmasked ones. */
    void fill(PixelPlanes out, Mask mask) {
        fill(out, mask, NO_DEADLINE);
    }

    /**
     * Fills as {@link #fill(PixelPlanes, Mask)} does, but stops refining at {@code deadline} (a
     * {@link System#nanoTime()}): every iterate is a usable fill, smoother the longer it runs, from
     * the fast-marching start on.
     */
    void fill(PixelPlanes out, Mask mask, long deadline) {
        start.fill(out, mask);
        if (mask.area() == out.columns() * out.rows()) {
            return;
        }
        for (Mask part : independentParts(mask)) {
            Stencil stencil = new Stencil(out.columns(), out.rows(), part);
            Preconditioner preconditioner = new Preconditioner(out.columns(), out.rows(), part, stencil.unknowns);
            for (double[] plane : out.planes()) {
                stencil.solve(plane, preconditioner, maxIterations, deadline);
                for (int unknown : stencil.unknowns) {
                    plane[unknown] = Math.max(out.minValue(), Math.min(out.maxValue(), plane[unknown]));
                }
            }
        }
    }

    /**
     * The mask split into parts no Laplacian row couples: masked pixels within two pixels of each
     * other share a part. Each part is solved on its own, so a small simple region is not iterated
     * for as long as a large intricate one needs.
     */
    private static List<Mask> independentParts(Mask mask) {
        int w = mask.columns();
        int h = mask.rows();
        boolean[] seen = new boolean[w * h];
        int[] queue = new int[mask.area()];
        List<Mask> parts = new ArrayList<>();
        for (int seed = 0; seed < w * h; seed++) {
            if (!mask.isSet(seed) || seen[seed]) {
                continue;
            }
            Mask part = new Mask(w, h);
            int head = 0;
            int tail = 0;
            queue[tail++] = seed;
            seen[seed] = true;
            while (head < tail) {
                int i = queue[head++];
                part.set(i % w, i / w);
                for (int dy = -2; dy <= 2; dy++) {
                    for (int dx = -2; dx <= 2; dx++) {
                        int x = i % w + dx;
                        int y = i / w + dy;
                        if (x >= 0 && y >= 0 && x < w && y < h && mask.isSet(y * w + x) && !seen[y * w + x]) {
                            seen[y * w + x] = true;
                            queue[tail++] = y * w + x;
                        }
                    }
                }
            }
            parts.add(part);
        }
        return parts;
    }

    /**
     * The Laplacian rows that touch masked pixels, with their five neighbours, and the masked pixels
     * themselves. The solve works on the pixels the rows name, numbered compactly, not on the whole
     * plane: its vectors then grow with the region, not with the image.
     */
    private static final class Stencil {

        private final int[] unknowns;
        /** The pixels the rows name, ascending: the unknowns and two rings of known pixels around them. */
        private final int[] pixels;
        /** Each unknown's place in {@link #pixels}. */
        private final int[] slots;
        /**
         * Five places in {@link #pixels} per Laplacian row, in one array (an array per row costs
         * eight times the pixels it names): centre, left, right, up and down, mirrored at the
         * image's edge.
         */
        private final int[] rows;
        private final int rowCount;

        Stencil(int w, int h, Mask mask) {
            unknowns = new int[mask.area()];
            boolean[] row = new boolean[w * h];
            int u = 0;
            for (int i = mask.nextSet(0); i >= 0; i = mask.nextSet(i + 1)) {
                unknowns[u++] = i;
            }
            int count = 0;
            for (int i : unknowns) {
                int x = i % w;
                int y = i / w;
                int[] around = {i, y * w + Math.max(x - 1, 0), y * w + Math.min(x + 1, w - 1),
                    Math.max(y - 1, 0) * w + x, Math.min(y + 1, h - 1) * w + x};
                for (int j : around) {
                    if (!row[j]) {
                        row[j] = true;
                        count++;
                    }
                }
            }
            rowCount = count;
            rows = new int[5 * rowCount];
            boolean[] named = new boolean[w * h];
            int namedCount = 0;
            int r = 0;
            for (int i = 0; i < w * h; i++) {
                if (row[i]) {
                    int x = i % w;
                    int y = i / w;
                    rows[r++] = i;
                    rows[r++] = y * w + mirror(x - 1, w);
                    rows[r++] = y * w + mirror(x + 1, w);
                    rows[r++] = mirror(y - 1, h) * w + x;
                    rows[r++] = mirror(y + 1, h) * w + x;
                    for (int j = r - 5; j < r; j++) {
                        if (!named[rows[j]]) {
                            named[rows[j]] = true;
                            namedCount++;
                        }
                    }
                }
            }
            pixels = new int[namedCount];
            for (int i = 0, k = 0; i < w * h; i++) {
                if (named[i]) {
                    pixels[k++] = i;
                }
            }
            for (int j = 0; j < rows.length; j++) {
                rows[j] = Arrays.binarySearch(pixels, rows[j]);
            }
            slots = new int[unknowns.length];
            for (int k = 0; k < unknowns.length; k++) {
                slots[k] = Arrays.binarySearch(pixels, unknowns[k]);
            }
        }

        private static int mirror(int coordinate, int extent) {
            if (extent == 1) {
                return 0;
            }
            return coordinate < 0 ? 1 : coordinate >= extent ? extent - 2 : coordinate;
        }

        /** Preconditioned conjugate gradients on the masked values of {@code plane}, the known ones held fixed. */
        void solve(double[] plane, Preconditioner preconditioner, int maxIterations, long deadline) {
            int n = unknowns.length;
            double[] values = new double[pixels.length];
            for (int k = 0; k < pixels.length; k++) {
                values[k] = plane[pixels[k]];
            }
            double[] scratch = new double[pixels.length];
            double[] laplacian = new double[rowCount];
            double[] r = normal(values, scratch, laplacian);
            for (int k = 0; k < n; k++) {
                r[k] = -r[k];
            }
            double[] z = preconditioner.apply(r);
            double[] p = z.clone();
            double rz = dot(r, z);
            double stop = Math.abs(rz) * TOLERANCE;
            double[] direction = new double[pixels.length];
            for (int iteration = 0; iteration < maxIterations && Math.abs(rz) > stop && !past(deadline); iteration++) {
                for (int k = 0; k < n; k++) {
                    direction[slots[k]] = p[k];
                }
                double[] ap = normal(direction, scratch, laplacian);
                double pap = dot(p, ap);
                if (pap <= 0) {
                    break;
                }
                double alpha = rz / pap;
                for (int k = 0; k < n; k++) {
                    values[slots[k]] += alpha * p[k];
                    r[k] -= alpha * ap[k];
                }
                z = preconditioner.apply(r);
                double next = dot(r, z);
                double beta = next / rz;
                for (int k = 0; k < n; k++) {
                    p[k] = z[k] + beta * p[k];
                }
                rz = next;
            }
            for (int k = 0; k < n; k++) {
                plane[unknowns[k]] = values[slots[k]];
            }
        }

        private static boolean past(long deadline) {
            return deadline != NO_DEADLINE && System.nanoTime() - deadline >= 0;
        }

        private static double dot(double[] a, double[] b) {
            double sum = 0;
            for (int k = 0; k < a.length; k++) {
                sum += a[k] * b[k];
            }
            return sum;
        }

        /**
         * (L^T L v) at the masked pixels, for {@code values} that hold v at the stencil's pixels
         * (zero at known pixels when v is a search direction, the image itself when it is the start).
         */
        private double[] normal(double[] values, double[] scratch, double[] laplacian) {
            for (int r = 0, s = 0; r < rowCount; r++, s += 5) {
                laplacian[r] = values[rows[s + 1]] + values[rows[s + 2]] + values[rows[s + 3]] + values[rows[s + 4]]
                        - 4 * values[rows[s]];
            }
            for (int r = 0, s = 0; r < rowCount; r++, s += 5) {
                double l = laplacian[r];
                scratch[rows[s]] -= 4 * l;
                scratch[rows[s + 1]] += l;
                scratch[rows[s + 2]] += l;
                scratch[rows[s + 3]] += l;
                scratch[rows[s + 4]] += l;
            }
            double[] result = new double[unknowns.length];
            for (int k = 0; k < unknowns.length; k++) {
                result[k] = scratch[slots[k]];
            }
            Arrays.fill(scratch, 0);
            return result;
        }
    }

    /**
     * The inverse of the squared 5-point Laplacian with zero boundary on the bounding rectangle of
     * each connected masked region (grown by a pixel or two to a length the sine transform takes),
     * applied to the residual of each region on its own.
     */
    private static final class Preconditioner {

        private final List<Region> regions = new ArrayList<>();
        private final int unknownCount;

        Preconditioner(int w, int h, Mask mask, int[] unknowns) {
            this.unknownCount = unknowns.length;
            int[] position = new int[w * h];
            for (int k = 0; k < unknowns.length; k++) {
                position[unknowns[k]] = k;
            }
            boolean[] seen = new boolean[w * h];
            int[] queue = new int[unknowns.length];
            for (int seed : unknowns) {
                if (seen[seed]) {
                    continue;
                }
                int head = 0;
                int tail = 0;
                queue[tail++] = seed;
                seen[seed] = true;
                int minX = w;
                int minY = h;
                int maxX = -1;
                int maxY = -1;
                while (head < tail) {
                    int i = queue[head++];
                    int x = i % w;
                    int y = i / w;
                    minX = Math.min(minX, x);
                    maxX = Math.max(maxX, x);
                    minY = Math.min(minY, y);
                    maxY = Math.max(maxY, y);
                    for (int dy = -1; dy <= 1; dy++) {
                        for (int dx = -1; dx <= 1; dx++) {
                            int nx = x + dx;
                            int ny = y + dy;
                            if (nx >= 0 && ny >= 0 && nx < w && ny < h && mask.isSet(ny * w + nx) && !seen[ny * w + nx]) {
                                seen[ny * w + nx] = true;
                                queue[tail++] = ny * w + nx;
                            }
                        }
                    }
                }
                Axis across = new Axis(minX, maxX, w);
                Axis down = new Axis(minY, maxY, h);
                int boxW = SineTransform.smoothLength(across.high - across.low + 1);
                int boxH = SineTransform.smoothLength(down.high - down.low + 1);
                int left = across.low - (boxW - (across.high - across.low + 1)) / 2;
                int top = down.low - (boxH - (down.high - down.low + 1)) / 2;
                int imageCount = 0;
                for (int m = 0; m < tail; m++) {
                    imageCount += across.images(queue[m] % w).length * down.images(queue[m] / w).length;
                }
                int[] imageMembers = new int[imageCount];
                int[] imageCells = new int[imageCount];
                double[] imageWeights = new double[imageCount];
                int image = 0;
                for (int m = 0; m < tail; m++) {
                    int x = queue[m] % w;
                    int y = queue[m] / w;
                    int[] xs = across.images(x);
                    int[] ys = down.images(y);
                    for (int ix : xs) {
                        for (int iy : ys) {
                            imageMembers[image] = position[queue[m]];
                            imageCells[image] = (iy - top) * boxW + (ix - left);
                            imageWeights[image++] = 1.0 / (xs.length * ys.length);
                        }
                    }
                }
                regions.add(new Region(imageMembers, imageCells, imageWeights, boxW, boxH));
            }
        }

        double[] apply(double[] residual) {
            double[] z = new double[unknownCount];
            for (Region region : regions) {
                region.solve(residual, z);
            }
            return z;
        }
    }

    /**
     * A region's extent along one axis, and the mirror images that make the preconditioner see the
     * image's edge as the stencil does: a region touching an edge is reflected across it (about the
     * edge pixel, as the Laplacian mirrors), so the even solution on the doubled box has a zero
     * normal derivative at the edge, where a box ending there would impose a zero value.
     */
    private static final class Axis {

        private final int extent;
        private final boolean lowEdge;
        private final boolean highEdge;
        private final int low;
        private final int high;

        Axis(int min, int max, int extent) {
            this.extent = extent;
            this.lowEdge = min == 0 && extent > 1;
            this.highEdge = max == extent - 1 && extent > 1;
            this.low = lowEdge ? -max : min;
            this.high = highEdge ? 2 * (extent - 1) - min : max;
        }

        /** The coordinate and its mirror images across the edges the region touches. */
        int[] images(int coordinate) {
            int[] images = new int[3];
            int count = 0;
            images[count++] = coordinate;
            if (lowEdge && coordinate != 0) {
                images[count++] = -coordinate;
            }
            if (highEdge && coordinate != extent - 1) {
                images[count++] = 2 * (extent - 1) - coordinate;
            }
            return Arrays.copyOf(images, count);
        }
    }

    /**
     * One connected region: its unknowns' cells in its box (each unknown's own and its mirror
     * images'), and the box's transforms and eigenvalues. A residual is spread over an unknown's
     * images and the result gathered back from them, each weighted by one over their number, so that
     * the preconditioner stays symmetric and positive definite, which conjugate gradients needs.
     * (Reading the result at the unknown's own cell alone is not symmetric where a region touches the
     * image's edge: the edge row has no image; the solves on bottom and right bands then stalled.)
     */
    private static final class Region {

        private final int[] imageMembers;
        private final int[] imageCells;
        private final double[] imageWeights;
        private final int boxW;
        private final int boxH;
        private final SineTransform rows;
        private final SineTransform columns;
        private final double[] inverseEigenvalues;

        Region(int[] imageMembers, int[] imageCells, double[] imageWeights, int boxW, int boxH) {
            this.imageMembers = imageMembers;
            this.imageCells = imageCells;
            this.imageWeights = imageWeights;
            this.boxW = boxW;
            this.boxH = boxH;
            this.rows = new SineTransform(boxW);
            this.columns = new SineTransform(boxH);
            this.inverseEigenvalues = new double[boxW * boxH];
            double scale = (2.0 / (boxW + 1)) * (2.0 / (boxH + 1));
            for (int j = 0; j < boxH; j++) {
                double ly = 2 * Math.cos(Math.PI * (j + 1) / (boxH + 1)) - 2;
                for (int i = 0; i < boxW; i++) {
                    double l = ly + 2 * Math.cos(Math.PI * (i + 1) / (boxW + 1)) - 2;
                    inverseEigenvalues[j * boxW + i] = scale / (l * l);
                }
            }
        }

        /** z = D^-1 Q^T (Laplacian^2)^-1 Q D^-1 r on the box, Q placing each unknown at its images, D their number. */
        void solve(double[] residual, double[] z) {
            double[] box = new double[boxW * boxH];
            for (int m = 0; m < imageMembers.length; m++) {
                box[imageCells[m]] = residual[imageMembers[m]] * imageWeights[m];
            }
            transform(box);
            for (int i = 0; i < box.length; i++) {
                box[i] *= inverseEigenvalues[i];
            }
            transform(box);
            for (int m = 0; m < imageMembers.length; m++) {
                z[imageMembers[m]] += box[imageCells[m]] * imageWeights[m];
            }
        }

        private void transform(double[] box) {
            for (int y = 0; y < boxH; y += 2) {
                rows.apply(box, y * boxW, Math.min(y + 1, boxH - 1) * boxW, 1);
            }
            for (int x = 0; x < boxW; x += 2) {
                columns.apply(box, x, Math.min(x + 1, boxW - 1), boxW);
            }
        }
    }
}
