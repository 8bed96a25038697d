package io.synthgate.pixels;

import java.util.Arrays;

/**
 * The standard deviation of noise, estimated so that edges do not move it: 1.4826 times the median of
 * absolute deviations, which for Gaussian noise is its sigma, where a root mean square would be pulled
 * up by every edge among them.
 */
public final class RobustSpread {

    private RobustSpread() {
    }

    /**
     * 1.4826 times the median (the upper one for an even count) of the first {@code count} of
     * {@code absolute}, which it sorts in place; 0 when there are none.
     */
    public static double of(double[] absolute, int count) {
        if (count == 0) {
            return 0;
        }
        Arrays.sort(absolute, 0, count);
        return 1.4826 * absolute[count / 2];
    }
}
