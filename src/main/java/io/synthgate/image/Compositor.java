package io.synthgate.image;

import io.synthgate.mask.Mask;
import io.synthgate.pixels.PixelLayout;
import io.synthgate.pixels.Planes;
import io.synthgate.pixels.StoredSamples;

/**
 * Builds the stored samples of a synthetic image: a copy of the source's stored words, in which only
 * masked pixels take the generator's values (rounded and clamped to Bits Stored). Unmasked pixels are
 * never decoded and re-encoded, so they stay identical to the source, including any bits above Bits
 * Stored.
 */
public final class Compositor {

    private Compositor() {
    }

    public static Object composite(SourceImage source, Mask mask, Planes generated) {
        PixelLayout layout = source.layout();
        if (mask.columns() != layout.columns() || mask.rows() != layout.rows()
                || generated.columns() != layout.columns() || generated.rows() != layout.rows()) {
            throw new IllegalArgumentException("Generated image, mask and source differ in size");
        }
        Object out = StoredSamples.copy(source.storedSamples());
        for (int p = mask.nextSet(0); p >= 0; p = mask.nextSet(p + 1)) {
            for (int s = 0; s < layout.samplesPerPixel(); s++) {
                StoredSamples.write(out, layout, p, s, generated.value(s, p));
            }
        }
        return out;
    }
}
