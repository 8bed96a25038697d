package io.synthgate.generator.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synthgate.deid.DeidentifiedSource;
import io.synthgate.dicom.SopInstanceUid;
import io.synthgate.image.Rendering;
import io.synthgate.image.SourceImage;
import io.synthgate.mask.Mask;
import io.synthgate.pixels.ImageDescription;
import io.synthgate.pixels.PixelLayout;
import io.synthgate.pixels.PixelPlanes;
import io.synthgate.pixels.Planes;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CanvasTest {

    @Test
    void fitKeepsTheAspectAndCentresThePadding() {
        Canvas canvas = Canvas.fit(2048, 2500, 1024, 1024);
        assertEquals(839, canvas.contentWidth());
        assertEquals(1024, canvas.contentHeight());
        assertEquals((1024 - 839) / 2, canvas.contentX());
        assertTrue(canvas.resamples(2048, 2500));
        assertFalse(Canvas.fit(512, 512, 512, 512).resamples(512, 512));
    }

    @Test
    void aOnePixelMaskSurvivesDownscaling() {
        Mask mask = new Mask(2000, 2000);
        mask.set(1001, 999);
        Canvas canvas = Canvas.fit(2000, 2000, 256, 256);
        BufferedImage picture = canvas.render(mask, Canvas.MaskPolarity.WHITE_REGENERATES);
        int marked = 0;
        for (int y = 0; y < 256; y++) {
            for (int x = 0; x < 256; x++) {
                marked += picture.getRaster().getSample(x, y, 0) == 255 ? 1 : 0;
            }
        }
        assertEquals(1, marked, "the canvas pixel that covers the masked source pixel, and only it");
        assertEquals(255, picture.getRaster().getSample(1001 * 256 / 2000, 999 * 256 / 2000, 0));
    }

    @Test
    void aSourceRendersAsItsValuesDo() {
        // Signed 12-bit samples with an old overlay bit above them: read by table, as any planes are read by value.
        PixelLayout layout = new PixelLayout(200, 300, 1, 16, 12, 11, true, "MONOCHROME2");
        short[] samples = new short[300 * 200];
        Random random = new Random(3);
        for (int i = 0; i < samples.length; i++) {
            samples[i] = (short) ((random.nextInt(4096) - 2048) & 0xfff | (i % 5 == 0 ? 1 << 12 : 0));
        }
        SourceImage source = new SourceImage(new DeidentifiedSource(new SopInstanceUid("1.2.3"), Path.of("unused"),
                "1.2.840.10008.5.1.4.1.1.2", "2.25.1", "2.25.2", "2.25.3", "SGX", "CT", Optional.empty(), List.of(), "", List.of(), Optional.empty()),
                layout, samples, new ImageDescription("CT", null, null, null, null, null, null, null, null, null));
        Rendering rendering = Rendering.of(source);
        Canvas canvas = Canvas.fit(300, 200, 128, 128);

        BufferedImage byTable = canvas.render(source, rendering);
        BufferedImage byValue = canvas.render(PixelPlanes.of(source), rendering);

        assertArrayEquals(((DataBufferByte) byValue.getRaster().getDataBuffer()).getData(),
                ((DataBufferByte) byTable.getRaster().getDataBuffer()).getData());
    }

    @Test
    void anUnchangedPictureMapsBackToTheSourceWithinOneDisplayLevel() {
        double[] plane = new double[40 * 30];
        for (int p = 0; p < plane.length; p++) {
            plane[p] = 1000 + (p % 40) * 50;
        }
        PixelPlanes image = new PixelPlanes(40, 30, new double[][] {plane}, 0, 4095);
        Rendering rendering = new Rendering(1000, 2950, true);
        Canvas canvas = Canvas.fit(40, 30, 40, 40);

        Planes back = canvas.restore(canvas.render(image, rendering), rendering, 40, 30, 1, 0, 4095);

        double oneLevel = (2950 - 1000) / 255.0;
        for (int p = 0; p < plane.length; p++) {
            assertEquals(plane[p], back.value(0, p), oneLevel / 2 + 1e-9, "pixel " + p);
        }
    }

    @Test
    void aPictureAnsweredAtAnotherSizeMapsBackWithoutThePadding() {
        double[] plane = new double[40 * 30];
        for (int p = 0; p < plane.length; p++) {
            // Well above black at the top and bottom rows, next to the padding, where a bleed would show.
            plane[p] = 3000 - Math.abs(p / 40 - 14.5) * 100;
        }
        PixelPlanes image = new PixelPlanes(40, 30, new double[][] {plane}, 0, 4095);
        Rendering rendering = new Rendering(1000, 3000, false);
        Canvas canvas = Canvas.fit(40, 30, 64, 64);
        BufferedImage sent = canvas.render(image, rendering);
        BufferedImage answered = new BufferedImage(32, 32, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = answered.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(sent, 0, 0, 32, 32, null);
        g.dispose();

        Planes back = canvas.restore(answered, rendering, 40, 30, 1, 0, 4095);

        double level = 2000 / 255.0;
        for (int p = 0; p < plane.length; p++) {
            assertEquals(plane[p], back.value(0, p), 3 * level, "pixel " + p);
        }
    }
}
