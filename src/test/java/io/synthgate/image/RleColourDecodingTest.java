package io.synthgate.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.synthgate.deid.DeidService;
import io.synthgate.testing.Corpus;
import io.synthgate.testing.TestFiles;
import jakarta.inject.Inject;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * A 16-bit RGB image in RLE (pydicom's SC_rgb_rle_16bit.dcm), which PixelMed refuses to decode, is
 * decoded through DCMTK to the colours its test pattern is made of: bands of red, green, blue, their
 * half tones and greys, down the image.
 */
@QuarkusTest
class RleColourDecodingTest {

    @Inject
    DeidService deid;
    @Inject
    PixelDecoder decoder;

    @Test
    void sixteenBitColourRleDecodesToItsTestPattern() throws Exception {
        SourceImage image = (SourceImage) decoder.decode(deid.deidentify(
                Corpus.instance(TestFiles.pydicom("SC_rgb_rle_16bit.dcm")).orElseThrow()));
        assertEquals(16, image.layout().bitsAllocated());
        assertEquals("RGB", image.layout().photometricInterpretation());
        short[] samples = (short[]) image.storedSamples();
        int[][] expected = {{5, 65535, 0, 0}, {15, 65535, 32896, 32896}, {25, 0, 65535, 0}, {35, 32896, 65535, 32896},
            {45, 0, 0, 65535}, {55, 32896, 32896, 65535}, {65, 0, 0, 0}, {75, 16448, 16448, 16448},
            {85, 49344, 49344, 49344}, {95, 65535, 65535, 65535}};
        for (int[] band : expected) {
            int at = (band[0] * image.layout().columns() + 50) * 3;
            int[] rgb = {samples[at] & 0xFFFF, samples[at + 1] & 0xFFFF, samples[at + 2] & 0xFFFF};
            assertArrayEquals(Arrays.copyOfRange(band, 1, 4), rgb, "row " + band[0]);
        }
    }
}
