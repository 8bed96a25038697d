package io.synthgate.generator.http;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/** PNG bytes to and from pictures, the format every provider accepts and returns. */
final class Png {

    /** Compression quality 0.8: the JDK's PNG writer then deflates at level 1, its fastest that still compresses. */
    private static final float FAST_DEFLATE = 0.8f;

    private Png() {
    }

    /**
     * PNG bytes of {@code image} at a fast deflate level: the pictures are sent once and decoded once,
     * so encoding time matters more than the last percent of size.
     */
    static byte[] encode(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(FAST_DEFLATE);
            writer.setOutput(stream);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
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
