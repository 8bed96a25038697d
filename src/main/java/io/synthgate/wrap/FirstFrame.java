package io.synthgate.wrap;

import com.pixelmed.display.SourceImage;
import java.awt.image.BufferedImage;

/**
 * The stored values of an image's first frame as PixelMed decodes them, for the pictures people look
 * at. PixelMed keeps 16-bit grey frames in unsigned-short rasters, sign-extended: a signed image's -1000
 * (air on many CTs, or the black of the burned-in label) reads back as 64536, and unless put back it
 * shows white.
 */
final class FirstFrame {

    private FirstFrame() {
    }

    /** The first sample of each pixel of {@code raw}, the first frame of {@code image}, with its sign. */
    static int[] values(SourceImage image, BufferedImage raw) {
        int[] values = raw.getRaster().getSamples(0, 0, raw.getWidth(), raw.getHeight(), 0, (int[]) null);
        if (image.isSigned() && raw.getRaster().getSampleModel().getSampleSize(0) == Short.SIZE) {
            for (int p = 0; p < values.length; p++) {
                values[p] = (short) values[p];
            }
        }
        return values;
    }
}
