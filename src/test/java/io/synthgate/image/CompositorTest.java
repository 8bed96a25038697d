package io.synthgate.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.synthgate.deid.DeidentifiedSource;
import io.synthgate.dicom.SopInstanceUid;
import io.synthgate.mask.Mask;
import io.synthgate.mask.MaskSpec;
import io.synthgate.pixels.ImageDescription;
import io.synthgate.pixels.PixelLayout;
import io.synthgate.pixels.PixelPlanes;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CompositorTest {

    private static final DeidentifiedSource SOURCE = new DeidentifiedSource(new SopInstanceUid("1.2.3.4.5"),
            Path.of("unused.dcm"), "1.2.840.10008.5.1.4.1.1.2", "2.25.1", "2.25.2", "2.25.3", "SGPSEUDONYM", "CT", Optional.empty(), List.of(),
            "", List.of(), Optional.empty());

    @Test
    void onlyMaskedSamplesTakeTheGeneratedValue() {
        short[] stored = new short[16];
        for (int i = 0; i < stored.length; i++) {
            stored[i] = (short) (1000 + i);
        }
        SourceImage source = image(new PixelLayout(4, 4, 1, 16, 12, 11, false, "MONOCHROME2"), stored);
        Mask mask = MaskSpec.parse("rectangle 1 1 2 2").rasterize(4, 4);
        double[] generated = new double[16];
        java.util.Arrays.fill(generated, 7.4);
        short[] out = (short[]) Compositor.composite(source, mask, new PixelPlanes(4, 4, new double[][] {generated}, 0, 4095));
        for (int i = 0; i < 16; i++) {
            assertEquals(mask.isSet(i) ? 7 : stored[i], out[i], "sample " + i);
        }
    }

    @Test
    void keepsBitsAboveBitsStoredAndClampsToTheStorableRange() {
        short[] stored = {(short) 0xF005, (short) 0xF005};
        SourceImage source = image(new PixelLayout(1, 2, 1, 16, 12, 11, true, "MONOCHROME2"), stored);
        Mask mask = MaskSpec.parse("rectangle 1 0 1 1").rasterize(2, 1);
        short[] out = (short[]) Compositor.composite(source, mask,
                new PixelPlanes(2, 1, new double[][] {{0, -5000}}, -2048, 2047));
        assertEquals((short) 0xF005, out[0], "unmasked sample untouched, high bits included");
        assertEquals((short) 0xF800, out[1], "-2048 in 12 bits, high bits kept");
    }

    @Test
    void signedSamplesReadBackSignExtended() {
        SourceImage source = image(new PixelLayout(1, 2, 1, 16, 12, 11, true, "MONOCHROME2"),
                new short[] {(short) 0x0FFF, (short) 0x0800});
        assertEquals(-1, source.sample(0, 0));
        assertEquals(-2048, source.sample(1, 0));
    }

    @Test
    void eightBitColourIsCompositedPerSample() {
        byte[] stored = {10, 20, 30, 40, 50, 60};
        SourceImage source = image(new PixelLayout(1, 2, 3, 8, 8, 7, false, "RGB"), stored);
        Mask mask = MaskSpec.parse("rectangle 0 0 1 1").rasterize(2, 1);
        byte[] out = (byte[]) Compositor.composite(source, mask,
                new PixelPlanes(2, 1, new double[][] {{1, 0}, {2, 0}, {3, 0}}, 0, 255));
        assertArrayEquals(new byte[] {1, 2, 3, 40, 50, 60}, out);
    }

    private static SourceImage image(PixelLayout layout, Object samples) {
        return new SourceImage(SOURCE, layout, samples, new ImageDescription("CT", null, null, null, null, null, null, null, null, null));
    }
}
