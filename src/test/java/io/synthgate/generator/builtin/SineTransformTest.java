package io.synthgate.generator.builtin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;

class SineTransformTest {

    @Test
    void agreesWithTheDefiningSumForMixedRadixLengthsTwoLinesAtATime() {
        for (int n : new int[] {1, 2, 4, 5, 14, 29, 47, 89, 107, 191, 319}) {
            Random random = new Random(n);
            double[] x = random.doubles(n, -1, 1).toArray();
            double[] y = random.doubles(n, -1, 1).toArray();
            double[] interleaved = new double[2 * n];
            for (int j = 0; j < n; j++) {
                interleaved[2 * j] = x[j];
                interleaved[2 * j + 1] = y[j];
            }
            new SineTransform(n).apply(interleaved, 0, 1, 2);
            for (int k = 0; k < n; k++) {
                assertEquals(dst(x, k), interleaved[2 * k], 1e-9, "first line, n=" + n + ", k=" + k);
                assertEquals(dst(y, k), interleaved[2 * k + 1], 1e-9, "second line, n=" + n + ", k=" + k);
            }
            double[] alone = x.clone();
            new SineTransform(n).apply(alone, 0, 0, 1);
            assertEquals(dst(x, n - 1), alone[n - 1], 1e-9, "one line on its own, n=" + n);
        }
    }

    private static double dst(double[] x, int k) {
        double sum = 0;
        for (int j = 0; j < x.length; j++) {
            sum += x[j] * Math.sin(Math.PI * (j + 1) * (k + 1) / (x.length + 1));
        }
        return sum;
    }

    @Test
    void roundsLengthsUpToOnesItTakes() {
        assertEquals(4, SineTransform.smoothLength(4), "2 x 5 = 10");
        assertEquals(7, SineTransform.smoothLength(6), "2 x 7 has a factor 7; 2 x 8 = 16");
        assertThrows(IllegalArgumentException.class, () -> new SineTransform(6));
    }
}
