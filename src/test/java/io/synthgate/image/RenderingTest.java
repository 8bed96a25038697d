package io.synthgate.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synthgate.deid.DeidentifiedSource;
import io.synthgate.dicom.SopInstanceUid;
import io.synthgate.pixels.ImageDescription;
import io.synthgate.pixels.PixelLayout;
import io.synthgate.pixels.WindowChoice;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The window a generator's picture is rendered through: a CT slice (Rescale Intercept -1024) of air
 * (-1000 HU), soft tissue (40 HU) and bone (1000 HU), with a soft-tissue preset 40/400.
 */
class RenderingTest {

    private static final DeidentifiedSource SOURCE = new DeidentifiedSource(new SopInstanceUid("1.2.3.4.5"),
            Path.of("unused.dcm"), "1.2.840.10008.5.1.4.1.1.2", "2.25.1", "2.25.2", "2.25.3", "SGPSEUDONYM", "CT", Optional.empty(),
            List.of(), "", List.of(), Optional.empty());
    private static final short AIR = 24;
    private static final short TISSUE = 1064;
    private static final short BONE = 2024;

    @Test
    void theImageRangeSaturatesNothing() {
        Rendering rendering = Rendering.of(ct("40", "400"), WindowChoice.IMAGE_RANGE);
        assertEquals(AIR, rendering.low());
        assertEquals(BONE, rendering.high());
        assertEquals(0, rendering.toDisplay(AIR));
        assertEquals(255, rendering.toDisplay(BONE));
        assertEquals(AIR, rendering.toStored(0));
    }

    @Test
    void theImageRangeOfSignedSamplesIgnoresBitsAboveBitsStored() {
        PixelLayout layout = new PixelLayout(4, 1, 1, 16, 12, 11, true, "MONOCHROME2");
        // -2048, -1 (with an overlay bit above Bits Stored), 0 and 2047.
        short[] samples = {(short) 0x800, (short) 0x1fff, 0, 0x7ff};
        Rendering rendering = Rendering.of(new SourceImage(SOURCE, layout, samples,
                new ImageDescription("CT", null, null, null, null, null, null, null, null, null)));
        assertEquals(-2048, rendering.low());
        assertEquals(2047, rendering.high());
    }

    @Test
    void theTableOfLevelsByStoredBitsGivesWhatEachValueDisplaysAs() {
        PixelLayout layout = new PixelLayout(1, 1, 1, 16, 12, 11, true, "MONOCHROME1");
        Rendering rendering = new Rendering(-300.5, 1200, true);
        int[] levels = rendering.levelsByStoredBits(layout);
        assertEquals(4096, levels.length);
        for (int bits = 0; bits < levels.length; bits++) {
            int value = bits >= 2048 ? bits - 4096 : bits;
            assertEquals(rendering.toDisplay(value), levels[bits], "stored bits " + bits);
        }
    }

    @Test
    void thePresetWindowIsConvertedToStoredValuesAndSaturatedLevelsReturnToWhatSaturated() {
        Rendering rendering = Rendering.of(ct("40\\80", "400\\2000"), WindowChoice.PRESET);
        assertEquals(40 - 200 + 1024, rendering.low(), "the first preset, in stored values");
        assertEquals(40 + 200 + 1024, rendering.high());
        assertEquals(0, rendering.toDisplay(AIR));
        assertEquals(128, rendering.toDisplay(TISSUE));
        assertEquals(255, rendering.toDisplay(BONE));
        assertEquals(AIR, rendering.toStored(0), 1e-9, "generated black is air again, not the window's edge");
        assertEquals(BONE, rendering.toStored(255), 1e-9);
        assertEquals(TISSUE, rendering.toStored(128), (rendering.high() - rendering.low()) / 255);
        assertEquals(rendering, Rendering.of(ct("40", "400"), WindowChoice.parse("40/400")), "the same window, fixed");
    }

    @Test
    void anImageWithoutAPresetIsShownOverItsRange() {
        Rendering rendering = Rendering.of(ct(null, null), WindowChoice.PRESET);
        assertEquals(AIR, rendering.low());
        assertEquals(BONE, rendering.high());
    }

    @Test
    void aNegativeSlopeTurnsTheScaleAround() {
        SourceImage image = new SourceImage(SOURCE, new PixelLayout(1, 3, 1, 16, 12, 11, false, "MONOCHROME2"),
                new short[] {AIR, TISSUE, BONE}, new ImageDescription("CT", null, null, null, "1000", "-1", null, "500",
                        "1000", null));
        Rendering rendering = Rendering.of(image, WindowChoice.PRESET);
        assertTrue(rendering.inverted(), "higher stored values mean lower modality values");
        assertEquals(249, rendering.toDisplay(AIR), "stored 24 is modality 976, near the top of [0, 1000]: near white");
        assertEquals(0, rendering.toDisplay(BONE), "stored 2024 is modality -1024, below the window: black");
    }

    @Test
    void aWindowChoiceIsReadFromItsTextOrRefused() {
        assertEquals(WindowChoice.IMAGE_RANGE, WindowChoice.parse(null));
        assertEquals(WindowChoice.PRESET, WindowChoice.parse(" Preset "));
        assertEquals(new WindowChoice(WindowChoice.Kind.FIXED, -600, 1500), WindowChoice.parse("-600/1500"));
        assertThrows(IllegalArgumentException.class, () -> WindowChoice.parse("lung"));
        assertThrows(IllegalArgumentException.class, () -> WindowChoice.parse("40/0"));
    }

    private static SourceImage ct(String center, String width) {
        return new SourceImage(SOURCE, new PixelLayout(1, 3, 1, 16, 12, 11, false, "MONOCHROME2"),
                new short[] {AIR, TISSUE, BONE}, new ImageDescription("CT", null, null, null, "-1024", "1", "HU", center,
                        width, null));
    }
}
