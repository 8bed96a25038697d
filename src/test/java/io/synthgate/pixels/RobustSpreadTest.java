package io.synthgate.pixels;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The robust spread is 1.4826 times the median of the values counted, however large the outliers among them. */
class RobustSpreadTest {

    @Test
    void itIsTheScaledMedianOfTheValuesCountedAndOutliersDoNotMoveIt() {
        assertEquals(1.4826 * 2, RobustSpread.of(new double[] {3, 1, 2, 500, 900}, 3), 1e-12);
        assertEquals(1.4826 * 2, RobustSpread.of(new double[] {2, 1, 2, 170, 165}, 5), 1e-12);
        assertEquals(0, RobustSpread.of(new double[] {7}, 0));
    }
}
