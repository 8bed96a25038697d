package io.synthgate.generator.builtin;

/**
 * The discrete sine transform DST-I of lines of length n, through a complex FFT of the odd extension
 * of length 2(n + 1), for lengths whose factors are all 2, 3 and 5 ({@link #smoothLength} rounds a
 * length up to one). DST-I diagonalises the 5-point Laplacian on a rectangle with zero boundary,
 * which is what makes it a fast preconditioner for the biharmonic solve.
 */
final class SineTransform {

    private final int n;
    private final int length;
    private final double[] cos;
    private final double[] sin;
    /** Radices from the last split to the first: the order in which the FFT's stages combine. */
    private final int[] stages;
    /** Where each input lands before the stages: mixed-radix digit reversal. */
    private final int[] order;
    /** The inverse of {@link #order}: the slot of each input. */
    private final int[] position;

    SineTransform(int n) {
        if (n < 1 || smoothLength(n) != n) {
            throw new IllegalArgumentException("DST-I length " + n + " does not make a 2(n+1) of factors 2, 3 and 5");
        }
        this.n = n;
        this.length = 2 * (n + 1);
        this.cos = new double[length];
        this.sin = new double[length];
        for (int k = 0; k < length; k++) {
            cos[k] = Math.cos(2 * Math.PI * k / length);
            sin[k] = -Math.sin(2 * Math.PI * k / length);
        }
        java.util.List<Integer> radices = new java.util.ArrayList<>();
        for (int rest = length; rest > 1; ) {
            int radix = rest % 2 == 0 ? 2 : rest % 3 == 0 ? 3 : 5;
            radices.add(radix);
            rest /= radix;
        }
        this.stages = new int[radices.size()];
        for (int i = 0; i < stages.length; i++) {
            stages[i] = radices.get(stages.length - 1 - i);
        }
        this.order = new int[length];
        digitReverse(radices, 0, 0, 1, length, 0);
        this.position = new int[length];
        for (int slot = 0; slot < length; slot++) {
            position[order[slot]] = slot;
        }
    }

    private void digitReverse(java.util.List<Integer> radices, int level, int start, int step, int size, int at) {
        if (size == 1) {
            order[at] = start;
            return;
        }
        int radix = radices.get(level);
        int part = size / radix;
        for (int r = 0; r < radix; r++) {
            digitReverse(radices, level + 1, start + r * step, step * radix, part, at + r * part);
        }
    }

    /** The smallest length at least {@code size} whose 2(n+1) has no prime factor above 5. */
    static int smoothLength(int size) {
        for (int candidate = Math.max(size, 1); ; candidate++) {
            int rest = candidate + 1;
            for (int p : new int[] {2, 3, 5}) {
                while (rest % p == 0) {
                    rest /= p;
                }
            }
            if (rest == 1) {
                return candidate;
            }
        }
    }

    /**
     * Transforms two lines of {@code n} values of {@code data}, starting at {@code first} and at
     * {@code second} (which may be the same line), {@code stride} apart, in place:
     * X_k = sum_j x_j sin(pi (j+1)(k+1) / (n+1)). Applying it twice multiplies by (n+1)/2. The odd
     * extension of a real line has a purely imaginary spectrum, so one complex FFT of the first line
     * plus i times the second transforms both: the imaginary part of the result is the first's,
     * the real part the second's negated.
     */
    void apply(double[] data, int first, int second, int stride) {
        double[] re = new double[length];
        double[] im = new double[length];
        for (int j = 0; j < n; j++) {
            double a = data[first + j * stride];
            double b = data[second + j * stride];
            re[position[j + 1]] = a;
            re[position[length - 1 - j]] = -a;
            im[position[j + 1]] = b;
            im[position[length - 1 - j]] = -b;
        }
        fft(re, im);
        for (int k = 0; k < n; k++) {
            data[first + k * stride] = -im[k + 1] / 2;
        }
        if (second != first) {
            for (int k = 0; k < n; k++) {
                data[second + k * stride] = re[k + 1] / 2;
            }
        }
    }

    /** Iterative mixed-radix Cooley-Tukey on digit-reversed input: each stage combines blocks of the stage's size. */
    private void fft(double[] re, double[] im) {
        double[] termRe = new double[5];
        double[] termIm = new double[5];
        int size = 1;
        for (int radix : stages) {
            int part = size;
            size *= radix;
            int twiddle = length / size;
            int root = length / radix;
            for (int block = 0; block < length; block += size) {
                for (int k = 0; k < part; k++) {
                    for (int r = 0; r < radix; r++) {
                        int i = block + r * part + k;
                        int w = r * k * twiddle;
                        termRe[r] = re[i] * cos[w] - im[i] * sin[w];
                        termIm[r] = re[i] * sin[w] + im[i] * cos[w];
                    }
                    if (radix == 2) {
                        int a = block + k;
                        re[a] = termRe[0] + termRe[1];
                        im[a] = termIm[0] + termIm[1];
                        re[a + part] = termRe[0] - termRe[1];
                        im[a + part] = termIm[0] - termIm[1];
                        continue;
                    }
                    for (int q = 0; q < radix; q++) {
                        double sumRe = 0;
                        double sumIm = 0;
                        for (int r = 0; r < radix; r++) {
                            int w = (r * q % radix) * root;
                            sumRe += termRe[r] * cos[w] - termIm[r] * sin[w];
                            sumIm += termRe[r] * sin[w] + termIm[r] * cos[w];
                        }
                        re[block + q * part + k] = sumRe;
                        im[block + q * part + k] = sumIm;
                    }
                }
            }
        }
    }
}
