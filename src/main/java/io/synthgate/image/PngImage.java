package io.synthgate.image;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.imageio.ImageIO;

/**
 * A picture as PNG bytes, the JDK's writer's: what the pages, the review API's previews and the figures'
 * embedded pictures serve. (What goes to a generator is written by a faster writer of its own.)
 */
public final class PngImage {

    private PngImage() {
    }

    public static byte[] encode(BufferedImage picture) throws IOException {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(picture, "png", png);
        return png.toByteArray();
    }
}
