package io.synthgate.generator.builtin;

/**
 * The harmonic (membrane) fill of a masked region: each masked value the mean of its four
 * neighbours, Laplace's equation with the known pixels fixed and the image's edge mirrored. Unlike
 * the biharmonic fill it never overshoots what surrounds the region (the maximum principle), which
 * across a large region beside a sharp boundary (a breast's skin line against the black background)
 * keeps the fill from swinging into a dark or bright blob, as it does across texture whose gradients
 * at the region's edge do not carry on; where the image's shading runs smoothly through the region
 * the biharmonic fill continues it better. {@link PatchCompletion} measures which
 * to trust by how each predicts a ring of known pixels.
 *
 * <p>Solved by successive over-relaxation from a start close to the answer (the biharmonic fill),
 * with the relaxation factor that is best for a region of its depth.
 */
final class HarmonicFill {

    /** Stop once no value moves by more than this share of the largest magnitude. */
    private static final double TOLERANCE = 1e-4;

    private HarmonicFill() {
    }

    /**
     * Relaxes the values of each of {@code planes} at the {@code hole} pixels, in place, until they
     * are harmonic; the others are read only.
     *
     * @param deadline {@link System#nanoTime()} after which the fill gives up
     * @throws PatchCompletion.OverBudgetException when the deadline passed first
     */
    static void fill(double[][] planes, boolean[] hole, int columns, int rows, long deadline)
            throws PatchCompletion.OverBudgetException, InterruptedException {
        int depth = PatchCompletion.depth(hole, columns, rows);
        if (depth == 0) {
            return;
        }
        int count = 0;
        for (boolean masked : hole) {
            count += masked ? 1 : 0;
        }
        int[] cells = new int[count];
        for (int i = 0, k = 0; i < hole.length; i++) {
            if (hole[i]) {
                cells[k++] = i;
            }
        }
        // The optimal factor for a square of side 2 * depth; convergence then takes some multiple of the depth.
        double omega = 2 / (1 + Math.sin(Math.PI / (2 * depth + 2)));
        for (double[] plane : planes) {
            relax(plane, cells, columns, rows, omega, 20 * depth + 100, deadline);
        }
    }

    private static void relax(double[] plane, int[] cells, int columns, int rows, double omega, int sweeps,
            long deadline) throws PatchCompletion.OverBudgetException, InterruptedException {
        double largest = 0;
        for (double value : plane) {
            largest = Math.max(largest, Math.abs(value));
        }
        for (int sweep = 0; sweep < sweeps; sweep++) {
            double most = 0;
            for (int i : cells) {
                int x = i % columns;
                int y = i / columns;
                double sum = 0;
                int neighbours = 0;
                if (x > 0) {
                    sum += plane[i - 1];
                    neighbours++;
                }
                if (x < columns - 1) {
                    sum += plane[i + 1];
                    neighbours++;
                }
                if (y > 0) {
                    sum += plane[i - columns];
                    neighbours++;
                }
                if (y < rows - 1) {
                    sum += plane[i + columns];
                    neighbours++;
                }
                double step = omega * (sum / neighbours - plane[i]);
                plane[i] += step;
                most = Math.max(most, Math.abs(step));
            }
            if (most <= TOLERANCE * largest) {
                return;
            }
            if (Thread.interrupted()) {
                throw new InterruptedException("Harmonic fill interrupted");
            }
            if (System.nanoTime() - deadline > 0) {
                throw new PatchCompletion.OverBudgetException();
            }
        }
    }
}
