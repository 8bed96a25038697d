package io.synthgate.generator.http;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/** PNG bytes to and from pictures, the format every provider accepts and returns. */
final class Png {

    private Png() {
    }

    static byte[] encode(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, "png", out)) {
                throw new IllegalStateException("No PNG writer for image type " + image.getType());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The picture in {@code bytes}; a {@link MalformedReplyException} when they are no image. */
    static BufferedImage decode(byte[] bytes) throws MalformedReplyException {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
            if (image == null) {
                throw new MalformedReplyException("the returned image is not in a format Java can read ("
                        + bytes.length + " bytes)");
            }
            return image;
        } catch (IOException e) {
            throw new MalformedReplyException("the returned image could not be decoded: " + e.getMessage());
        }
    }
}
