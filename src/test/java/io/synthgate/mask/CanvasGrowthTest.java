package io.synthgate.mask;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.synthgate.deid.DeidentifiedSource;
import io.synthgate.dicom.SopInstanceUid;
import io.synthgate.pixels.ImageDescription;
import io.synthgate.pixels.PixelLayout;
import io.synthgate.pixels.SourceImage;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CanvasGrowthTest {

    private static final PixelLayout RGB_2X2 = new PixelLayout(2, 2, 3, 8, 8, 7, false, "RGB");

    @Test
    void growingCopiesTheNearestEdgePixelAndCroppingGivesTheSourceBack() {
        byte[] samples = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};
        CanvasGrowth growth = new CanvasGrowth(1, 0, 0, 1);
        SourceImage grown = growth.grow(image(samples));
        assertEquals(3, grown.layout().rows());
        assertEquals(3, grown.layout().columns());
        byte[] canvas = (byte[]) grown.storedSamples();
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

    private static SourceImage image(byte[] samples) {
        return new SourceImage(new DeidentifiedSource(new SopInstanceUid("1.2.3"), Path.of("unused"), "1.2.840.10008.5.1.4.1.1.7",
                "2.25.1", "2.25.2", "2.25.3", "SGX", "OT", false, List.of(), "", List.of()), RGB_2X2, samples,
                new ImageDescription("OT", null, null, null, null, null, null, null, null, null));
    }
}
