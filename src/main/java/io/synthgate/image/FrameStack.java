package io.synthgate.image;

import io.synthgate.deid.DeidentifiedSource;
import io.synthgate.pixels.ImageDescription;
import io.synthgate.pixels.PixelLayout;
import io.synthgate.pixels.StoredSamples;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A multi-frame de-identified instance whose frames are read from its file one at a time, so a
 * stack of any length never sits in memory whole. The file is the de-identified copy, Explicit VR
 * Little Endian with native pixel data, which ends with the Pixel Data value.
 *
 * @param source the de-identified instance
 * @param layout the layout of one frame
 * @param frames Number of Frames
 * @param description the attributes a synthetic copy keeps
 * @param pixelDataOffset where the Pixel Data value starts in the file
 * @param planar whether colour is stored plane by plane (Planar Configuration 1) within each frame
 */
public record FrameStack(DeidentifiedSource source, PixelLayout layout, int frames, ImageDescription description,
        long pixelDataOffset, boolean planar) implements DecodedSource {

    /** Bytes of one frame's samples. */
    public long frameBytes() {
        return (long) layout.pixelCount() * layout.samplesPerPixel() * (layout.bitsAllocated() / 8);
    }

    /** Frame {@code index} (from 0) as a single image with its samples colour-by-pixel. */
    public SourceImage frame(int index) {
        if (index < 0 || index >= frames) {
            throw new IndexOutOfBoundsException("Frame " + index + " of " + frames);
        }
        Object samples;
        try {
            samples = StoredSamples.readFrame(source.file(), pixelDataOffset + index * frameBytes(), layout);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new SourceImage(source, layout, planar ? PixelDecoder.interleave(samples, layout) : samples, description);
    }
}
