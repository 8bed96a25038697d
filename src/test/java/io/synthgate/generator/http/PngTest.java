package io.synthgate.generator.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The pictures and masks SynthGate writes read back, through the JDK's own PNG reader, sample for sample. */
class PngTest {

    @Test
    void aGrayscalePictureReadsBackUnchanged() throws Exception {
        BufferedImage picture = new BufferedImage(301, 77, BufferedImage.TYPE_BYTE_GRAY);
        byte[] levels = samples(picture);
        new Random(3).nextBytes(levels);

        BufferedImage back = Png.decode(Png.encode(picture));

        assertEquals(BufferedImage.TYPE_BYTE_GRAY, back.getType());
        assertArrayEquals(levels, samples(back));
    }

    @Test
    void anRgbaMaskReadsBackWithItsTransparency() throws Exception {
        BufferedImage mask = new BufferedImage(64, 48, BufferedImage.TYPE_4BYTE_ABGR);
        byte[] abgr = samples(mask);
        Random random = new Random(5);
        random.nextBytes(abgr);
        for (int i = 0; i < abgr.length; i += 4) {
            abgr[i] = (byte) (random.nextBoolean() ? 0 : 255);
        }

        BufferedImage back = Png.decode(Png.encodeMask(mask));

        for (int y = 0; y < 48; y++) {
            for (int x = 0; x < 64; x++) {
                assertEquals(mask.getRGB(x, y), back.getRGB(x, y), "pixel " + x + "," + y);
            }
        }
    }

    @Test
    void anotherPictureTypeIsWrittenByTheJdk() throws Exception {
        BufferedImage picture = new BufferedImage(20, 10, BufferedImage.TYPE_INT_RGB);
        picture.setRGB(3, 4, 0x123456);

        assertEquals(0x123456, Png.decode(Png.encode(picture)).getRGB(3, 4) & 0xFFFFFF);
    }

    private static byte[] samples(BufferedImage image) {
        return ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
    }
}
