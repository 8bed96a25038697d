package io.synthgate.pixels;

import io.synthgate.study.SourceInstance;

/**
 * One decoded single-frame image: its layout, its samples exactly as stored (sample-interleaved;
 * {@code byte[]} for 8-bit, {@code short[]} for 16-bit), and the descriptive attributes a synthetic
 * copy keeps.
 */
public record SourceImage(SourceInstance instance, PixelLayout layout, Object storedSamples,
        ImageDescription description) {

    public SourceImage {
        int expected = layout.pixelCount() * layout.samplesPerPixel();
        int actual = storedSamples instanceof short[] s ? s.length : storedSamples instanceof byte[] b ? b.length : -1;
        if (actual < expected) {
            throw new IllegalArgumentException("Pixel Data of " + instance.sopInstanceUid() + " holds " + actual
                    + " samples; its header announces " + expected);
        }
    }

    /** The stored value of sample {@code sample} of pixel {@code pixel}, sign-extended from Bits Stored. */
    public int sample(int pixel, int sample) {
        int index = pixel * layout.samplesPerPixel() + sample;
        int raw = storedSamples instanceof short[] s ? s[index] & 0xffff : ((byte[]) storedSamples)[index] & 0xff;
        int value = raw & ((1 << layout.bitsStored()) - 1);
        if (layout.signed() && (value & (1 << (layout.bitsStored() - 1))) != 0) {
            value -= 1 << layout.bitsStored();
        }
        return value;
    }
}
