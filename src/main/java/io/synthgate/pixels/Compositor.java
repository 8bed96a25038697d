package io.synthgate.pixels;

import io.synthgate.mask.Mask;

/**
 * Builds the stored samples of a synthetic image: a copy of the source's stored words, in which only
 * masked pixels take the generator's values (rounded and clamped to Bits Stored). Unmasked pixels are
 * never decoded and re-encoded, so they stay identical to the source, including any bits above Bits
 * Stored.
 */
public final class Compositor {

    private Compositor() {
    }

    public static Object composite(SourceImage source, Mask mask, PixelPlanes generated) {
        PixelLayout layout = source.layout();
        if (mask.columns() != layout.columns() || mask.rows() != layout.rows()
                || generated.columns() != layout.columns() || generated.rows() != layout.rows()) {
            throw new IllegalArgumentException("Generated image, mask and source differ in size");
        }
        Object out = source.storedSamples() instanceof short[] s ? s.clone() : ((byte[]) source.storedSamples()).clone();
        int storedMask = (1 << layout.bitsStored()) - 1;
        for (int p = 0; p < layout.pixelCount(); p++) {
            if (!mask.isSet(p)) {
                continue;
            }
            for (int s = 0; s < layout.samplesPerPixel(); s++) {
                long rounded = Math.round(generated.planes()[s][p]);
                int value = (int) Math.max(layout.minValue(), Math.min(layout.maxValue(), rounded)) & storedMask;
                int index = p * layout.samplesPerPixel() + s;
                if (out instanceof short[] words) {
                    words[index] = (short) ((words[index] & ~storedMask) | value);
                } else {
                    byte[] bytes = (byte[]) out;
                    bytes[index] = (byte) ((bytes[index] & ~storedMask) | value);
                }
            }
        }
        return out;
    }
}
