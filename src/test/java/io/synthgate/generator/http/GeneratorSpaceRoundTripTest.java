package io.synthgate.generator.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.synthgate.deid.DeidService;
import io.synthgate.dicom.UnsupportedSourceException;
import io.synthgate.image.Compositor;
import io.synthgate.image.DecodedSource;
import io.synthgate.image.PixelDecoder;
import io.synthgate.image.Rendering;
import io.synthgate.image.SourceImage;
import io.synthgate.mask.Mask;
import io.synthgate.mask.MaskSpec;
import io.synthgate.masking.MaskedImage;
import io.synthgate.pixels.PixelLayout;
import io.synthgate.pixels.StoredSamples;
import io.synthgate.study.SourceInstance;
import io.synthgate.testing.Corpus;
import jakarta.inject.Inject;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every single-frame image of the corpus through generator space and back, as an HTTP generator's
 * call takes it: rendered to 8 bits, placed on a 1024x1024, a 512x512 and a scaled canvas, PNG-coded
 * both ways, answered by a "provider" that inverts every pixel, mapped back to the source grid and
 * bit depth, and composited. Outside the mask every stored sample must equal the source's, bit for
 * bit; inside, the answer must have landed.
 */
@QuarkusTest
class GeneratorSpaceRoundTripTest {

    private static final MaskSpec MASK = MaskSpec.parse("rectangle 30% 30% 25% 25%; ellipse 75% 75% 8% 6%");
    private static final int MINIMUM_IMAGES = 25;

    @Inject
    DeidService deid;
    @Inject
    PixelDecoder decoder;

    @Test
    void everyPixelOutsideTheMaskComesBackExactly() throws Exception {
        List<String> checked = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (SourceInstance instance : Corpus.instances()) {
            DecodedSource decoded;
            try {
                decoded = decoder.decode(deid.deidentify(instance));
            } catch (UnsupportedSourceException notAnImage) {
                continue;
            }
            if (!(decoded instanceof SourceImage image)) {
                continue;
            }
            MaskedImage masked = MaskedImage.of(image, MASK);
            PixelLayout layout = image.layout();
            Rendering rendering = Rendering.of(image);
            for (Canvas canvas : List.of(Canvas.fit(layout.columns(), layout.rows(), 1024, 1024),
                    Canvas.fit(layout.columns(), layout.rows(), 512, 512),
                    Canvas.scaled(layout.columns(), layout.rows(), 1024, 64))) {
                BufferedImage sent = Png.decode(Png.encode(canvas.render(image, rendering)));
                BufferedImage answer = Png.decode(Png.encode(inverted(sent)));
                Object composited = Compositor.composite(image, masked.mask(), canvas.restore(answer, rendering,
                        layout.columns(), layout.rows(), image.channels(), image.minValue(), image.maxValue()));
                String problem = compare(image, masked.mask(), composited);
                if (problem != null) {
                    failures.add(instance.file().getFileName() + " on " + canvas.width() + "x" + canvas.height() + ": "
                            + problem);
                }
            }
            checked.add(instance.file().getFileName().toString());
        }
        assertTrue(checked.size() >= MINIMUM_IMAGES, "only " + checked.size() + " images checked: " + checked);
        assertEquals(List.of(), failures);
    }

    /** Null when every sample outside the mask is the source's and some sample inside differs. */
    private static String compare(SourceImage source, Mask mask, Object composited) {
        PixelLayout layout = source.layout();
        boolean changedInside = false;
        for (int pixel = 0; pixel < layout.pixelCount(); pixel++) {
            for (int sample = 0; sample < layout.samplesPerPixel(); sample++) {
                int before = source.sample(pixel, sample);
                int after = StoredSamples.read(composited, layout, pixel, sample);
                if (!mask.isSet(pixel) && before != after) {
                    return "pixel " + pixel + " sample " + sample + " outside the mask changed from " + before + " to "
                            + after;
                }
                changedInside |= mask.isSet(pixel) && before != after;
            }
        }
        return changedInside ? null : "the answer never landed inside the mask";
    }

    /** The provider's answer: every channel of every pixel inverted. */
    private static BufferedImage inverted(BufferedImage picture) {
        BufferedImage out = new BufferedImage(picture.getWidth(), picture.getHeight(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < picture.getHeight(); y++) {
            for (int x = 0; x < picture.getWidth(); x++) {
                out.setRGB(x, y, ~picture.getRGB(x, y) & 0xFFFFFF);
            }
        }
        return out;
    }
}
