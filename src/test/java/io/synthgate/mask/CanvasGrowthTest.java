package io.synthgate.mask;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.synthgate.pixels.PixelLayout;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class CanvasGrowthTest {

    private static final PixelLayout RGB_2X2 = new PixelLayout(2, 2, 3, 8, 8, 7, false, "RGB");

    @Test
    void growingCopiesTheNearestEdgePixelAndCroppingGivesTheSourceBack() {
        byte[] samples = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};
        CanvasGrowth growth = new CanvasGrowth(1, 0, 0, 1);
        PixelLayout grown = growth.grow(RGB_2X2);
        assertEquals(3, grown.rows());
        assertEquals(3, grown.columns());
        byte[] canvas = (byte[]) growth.grow(samples, RGB_2X2);
        assertArrayEquals(new byte[] {1, 2, 3}, Arrays.copyOfRange(canvas, 0, 3), "corner copies the source's corner");
        assertArrayEquals(new byte[] {4, 5, 6}, Arrays.copyOfRange(canvas, 6, 9), "top row copies the top edge");
        assertArrayEquals(new byte[] {7, 8, 9}, Arrays.copyOfRange(canvas, 18, 21), "left column copies the left edge");
        assertArrayEquals(samples, (byte[]) growth.crop(canvas, RGB_2X2));
    }

    @Test
    void aCanvasBeyondWhatRowsAndColumnsHoldIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new CanvasGrowth(0, 20000, 0, 0).grow(RGB_2X2));
        assertThrows(IllegalArgumentException.class, () -> new CanvasGrowth(-1, 0, 0, 0));
    }
}
