package io.synthgate.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synthgate.pixels.PixelLayout;
import org.junit.jupiter.api.Test;

class ChromaSubsamplingTest {

    private static PixelLayout layout(int columns, int rows, int bits, String photometric) {
        return new PixelLayout(rows, columns, 3, bits, bits, bits - 1, false, photometric);
    }

    @Test
    void eachPairOfPixelsSharesItsChroma() {
        PixelLayout subsampled = layout(4, 2, 8, "YBR_FULL_422");
        assertTrue(ChromaSubsampling.isHorizontal422(subsampled));
        byte[] pairs = {10, 11, 50, 60, 12, 13, 51, 61, 20, 21, 52, 62, 22, 23, 53, 63};
        assertArrayEquals(new byte[] {10, 50, 60, 11, 50, 60, 12, 51, 61, 13, 51, 61,
                20, 52, 62, 21, 52, 62, 22, 53, 63, 23, 53, 63}, (byte[]) ChromaSubsampling.toFull(pairs, subsampled));
        assertEquals("YBR_FULL", ChromaSubsampling.fullLayout(subsampled).photometricInterpretation());
    }

    @Test
    void sixteenBitSamplesAndAnOddLastColumnToo() {
        PixelLayout subsampled = layout(3, 1, 16, "YBR_FULL_422");
        short[] pairs = {1000, 1001, 500, 600, 1002, 0, 501, 601};
        assertArrayEquals(new short[] {1000, 500, 600, 1001, 500, 600, 1002, 501, 601},
                (short[]) ChromaSubsampling.toFull(pairs, subsampled));
    }

    @Test
    void dataShorterThanTheImageIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> ChromaSubsampling.toFull(new byte[12], layout(4, 2, 8, "YBR_FULL_422")));
    }

    @Test
    void fullChromaIsNotSubsampled() {
        assertEquals(false, ChromaSubsampling.isHorizontal422(layout(4, 2, 8, "YBR_FULL")));
        assertEquals(false, ChromaSubsampling.isHorizontal422(layout(4, 2, 8, "RGB")));
    }
}
