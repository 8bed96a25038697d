package io.synthgate.image;

import io.synthgate.deid.DeidentifiedSource;
import io.synthgate.pixels.ImageDescription;
import io.synthgate.pixels.PixelLayout;
import io.synthgate.pixels.Planes;
import io.synthgate.pixels.StoredSamples;

/**
 * One decoded single-frame image of a de-identified source: its layout, its samples exactly as stored (sample-interleaved;
 * {@code byte[]} for 8-bit, {@code short[]} for 16-bit), and the descriptive attributes a synthetic
 * copy keeps. As {@link Planes} it reads its stored values, sign-extended, without copying them.
 */
public record SourceImage(DeidentifiedSource source, PixelLayout layout, Object storedSamples,
        ImageDescription description) implements DecodedSource, Planes {

    public SourceImage {
        int expected = layout.pixelCount() * layout.samplesPerPixel();
        int actual = storedSamples instanceof short[] s ? s.length : storedSamples instanceof byte[] b ? b.length : -1;
        if (actual < expected) {
            throw new IllegalArgumentException("Pixel Data of " + source.sopInstanceUid() + " holds " + actual
                    + " samples; its header announces " + expected);
        }
    }

    /** The stored value of sample {@code sample} of pixel {@code pixel}, sign-extended from Bits Stored. */
    public int sample(int pixel, int sample) {
        return StoredSamples.read(storedSamples, layout, pixel, sample);
    }

    @Override
    public int columns() {
        return layout.columns();
    }

    @Override
    public int rows() {
        return layout.rows();
    }

    @Override
    public int channels() {
        return layout.samplesPerPixel();
    }

    @Override
    public double value(int channel, int pixel) {
        return sample(pixel, channel);
    }

    @Override
    public double minValue() {
        return layout.minValue();
    }

    @Override
    public double maxValue() {
        return layout.maxValue();
    }
}
