package io.synthgate.pixels;

import io.synthgate.deid.DeidentifiedSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;

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
        ByteBuffer bytes = ByteBuffer.allocate(Math.toIntExact(frameBytes())).order(ByteOrder.LITTLE_ENDIAN);
        try (FileChannel channel = FileChannel.open(source.file(), StandardOpenOption.READ)) {
            long position = pixelDataOffset + index * frameBytes();
            while (bytes.hasRemaining()) {
                if (channel.read(bytes, position + bytes.position()) < 0) {
                    throw new IOException("frame " + index + " ends past the end of " + source.file());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        bytes.flip();
        Object samples;
        if (layout.bitsAllocated() == 16) {
            short[] words = new short[layout.pixelCount() * layout.samplesPerPixel()];
            bytes.asShortBuffer().get(words);
            samples = words;
        } else {
            samples = bytes.array();
        }
        return new SourceImage(source, layout, planar ? PixelDecoder.interleave(samples, layout) : samples, description);
    }
}
