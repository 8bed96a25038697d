package io.synthgate.pixels;

import io.synthgate.image.SourceImage;

/**
 * An image's values channel by channel, as a generator reads them and as the compositor reads a
 * generator's answer back, with the range they must stay in to be stored again. The views
 * ({@link SourceImage}, a provider's picture mapped back) compute each value when read, so the
 * pipeline holds no second full-size copy of an image it only passes through; {@link PixelPlanes}
 * holds arrays, for the built-in inpainter that works on them.
 */
public interface Planes {

    int columns();

    int rows();

    /** Samples per pixel: 1 for grayscale, 3 for colour. */
    int channels();

    /** The value of channel {@code channel} at row-major pixel {@code pixel}. */
    double value(int channel, int pixel);

    double minValue();

    double maxValue();
}
