package io.synthgate.generator.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import javax.imageio.ImageIO;
import javax.imageio.spi.IIORegistry;
import javax.imageio.spi.ImageReaderSpi;
import org.junit.jupiter.api.Test;

/**
 * The pictures and masks SynthGate writes read back, through the JDK's own PNG reader, sample for
 * sample; what providers return (PNG, or JPEG where asked for) is read without a word on standard error.
 */
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

    @Test
    void aJpegReplyIsRead() throws Exception {
        BufferedImage back = Png.decode(jpeg(new BufferedImage(32, 16, BufferedImage.TYPE_BYTE_GRAY)));

        assertEquals(32, back.getWidth());
        assertEquals(16, back.getHeight());
    }

    @Test
    void bytesThatAreNoPictureAreAMalformedReply() {
        MalformedReplyException thrown = assertThrows(MalformedReplyException.class,
                () -> Png.decode("{\"error\": \"not an image\"}".getBytes(StandardCharsets.UTF_8)));

        assertTrue(thrown.getMessage().contains("25 bytes"), thrown.getMessage());
    }

    @Test
    void aPngCutShortIsAMalformedReply() {
        byte[] png = Png.encode(new BufferedImage(64, 64, BufferedImage.TYPE_BYTE_GRAY));

        MalformedReplyException thrown = assertThrows(MalformedReplyException.class,
                () -> Png.decode(Arrays.copyOf(png, 40)));

        assertTrue(thrown.getMessage().startsWith("the returned png image could not be decoded"), thrown.getMessage());
    }

    /**
     * PixelMed's JPEG-lossless reader, installed for DICOM's compressed pixels, prints a line on
     * standard error whenever it is asked whether it reads some bytes: once for every generated
     * image, in the gateway's log, if replies were read by asking every installed reader.
     */
    @Test
    void readingRepliesAsksNoReaderThatPrints() throws Exception {
        boolean pixelMedInstalled = false;
        var readers = IIORegistry.getDefaultInstance().getServiceProviders(ImageReaderSpi.class, false);
        while (readers.hasNext()) {
            pixelMedInstalled |= readers.next().getClass().getName().startsWith("com.pixelmed.");
        }
        assertTrue(pixelMedInstalled, "PixelMed's image reader is on the classpath, as in the gateway");
        BufferedImage picture = new BufferedImage(8, 8, BufferedImage.TYPE_BYTE_GRAY);
        byte[] jpeg = jpeg(picture);
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream standardError = System.err;
        System.setErr(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            Png.decode(Png.encode(picture));
            Png.decode(jpeg);
        } finally {
            System.setErr(standardError);
        }

        assertEquals("", printed.toString(StandardCharsets.UTF_8));
    }

    /** {@code picture} as a provider asked for JPEG returns it, written by the JDK. */
    private static byte[] jpeg(BufferedImage picture) throws IOException {
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        assertTrue(ImageIO.write(picture, "jpeg", jpeg));
        return jpeg.toByteArray();
    }

    private static byte[] samples(BufferedImage image) {
        return ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
    }
}
