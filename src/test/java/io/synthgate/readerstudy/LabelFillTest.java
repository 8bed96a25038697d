package io.synthgate.readerstudy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synthgate.pixels.PixelBox;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The label's box is filled from what surrounds it: on a ramp of background the fill continues the
 * ramp, and no pixel of the white text is left; nothing outside the box changes. Its grain is the
 * surroundings' noise, not the edges of anatomy the box's surroundings cross.
 */
class LabelFillTest {

    @Test
    void theBoxContinuesItsSurroundingsAndNothingElseChanges() {
        BufferedImage picture = new BufferedImage(120, 60, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < 60; y++) {
            for (int x = 0; x < 120; x++) {
                picture.getRaster().setSample(x, y, 0, 20 + x / 4);
            }
        }
        PixelBox box = new PixelBox(40, 20, 40, 12);
        for (int y = box.row(); y < box.row() + box.height(); y++) {
            for (int x = box.column(); x < box.column() + box.width(); x++) {
                picture.getRaster().setSample(x, y, 0, (x + y) % 3 == 0 ? 255 : 0);
            }
        }

        LabelFill.fill(picture, box, 7);

        for (int y = 0; y < 60; y++) {
            for (int x = 0; x < 120; x++) {
                int value = picture.getRaster().getSample(x, y, 0);
                boolean inBox = x >= 40 && x < 80 && y >= 20 && y < 32;
                if (inBox) {
                    assertTrue(Math.abs(value - (20 + x / 4)) <= 2, "(" + x + "," + y + ") continues the ramp: " + value);
                } else {
                    assertEquals(20 + x / 4, value, "(" + x + "," + y + ") untouched");
                }
            }
        }
    }

    @Test
    void theGrainIsTheNoiseOfTheSurroundingsNotTheirEdges() {
        Random random = new Random(11);
        double[][] values = new double[11][59];
        for (double[] row : values) {
            Arrays.fill(row, Double.NaN);
        }
        // Top and bottom rows of the ring: tissue at 40, then bone at 210 with two more steps between
        // them, each with noise of sigma 3.
        for (int x = 0; x < 59; x++) {
            double level = x < 20 ? 40 : x < 30 ? 120 : x < 40 ? 40 : 210;
            values[0][x] = level + 3 * random.nextGaussian();
            values[10][x] = level + 3 * random.nextGaussian();
        }

        double grain = LabelFill.grain(values);

        assertTrue(grain > 2 && grain < 4.5, "about 3, the noise; the steps would make it about 20: " + grain);
    }
}
