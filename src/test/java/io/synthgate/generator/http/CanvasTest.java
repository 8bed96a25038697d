package io.synthgate.generator.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synthgate.mask.Mask;
import io.synthgate.pixels.PixelPlanes;
import io.synthgate.pixels.Planes;
import io.synthgate.pixels.Rendering;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
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
