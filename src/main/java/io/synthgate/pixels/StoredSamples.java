package io.synthgate.pixels;

/**
 * Writes sample values into stored pixel data ({@code short[]} for 16-bit, {@code byte[]} for 8-bit):
 * rounded, clamped to the layout's range, and masked to Bits Stored so that any bits above it (old
 * overlay bits) stay as they were.
 */
public final class StoredSamples {

    private StoredSamples() {
    }

    /** A writable copy of stored samples. */
    public static Object copy(Object samples) {
        return samples instanceof short[] words ? words.clone() : ((byte[]) samples).clone();
    }

    /**
     * Reads one frame of {@code layout} stored little endian at {@code position} of {@code file}:
     * {@code short[]} for 16-bit samples, {@code byte[]} for 8-bit.
     */
    public static Object readFrame(java.nio.file.Path file, long position, PixelLayout layout) throws java.io.IOException {
        int bytes = layout.pixelCount() * layout.samplesPerPixel() * (layout.bitsAllocated() / 8);
        java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate(bytes).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(file)) {
            while (buffer.hasRemaining()) {
                if (channel.read(buffer, position + buffer.position()) < 0) {
                    throw new java.io.EOFException(file + " ends inside the frame at byte " + position);
                }
            }
        }
        buffer.flip();
        if (layout.bitsAllocated() == 16) {
            short[] words = new short[bytes / 2];
            buffer.asShortBuffer().get(words);
            return words;
        }
        return buffer.array();
    }

    /** Stored samples as they lie in Explicit VR Little Endian Pixel Data. */
    public static byte[] littleEndianBytes(Object samples) {
        if (samples instanceof short[] words) {
            java.nio.ByteBuffer bytes = java.nio.ByteBuffer.allocate(words.length * 2).order(java.nio.ByteOrder.LITTLE_ENDIAN);
            bytes.asShortBuffer().put(words);
            return bytes.array();
        }
        return (byte[]) samples;
    }

    /** The value of a sample, sign-extended from Bits Stored when the pixels are signed. */
    public static int read(Object samples, PixelLayout layout, int pixel, int sample) {
        int index = pixel * layout.samplesPerPixel() + sample;
        int raw = samples instanceof short[] words ? words[index] & 0xffff : ((byte[]) samples)[index] & 0xff;
        int value = raw & ((1 << layout.bitsStored()) - 1);
        boolean negative = layout.signed() && (value & (1 << (layout.bitsStored() - 1))) != 0;
        return negative ? value - (1 << layout.bitsStored()) : value;
    }

    public static void write(Object samples, PixelLayout layout, int pixel, int sample, double value) {
        writeAt(samples, layout, pixel * layout.samplesPerPixel() + sample, value);
    }

    /** Writes the sample at {@code index} of the array, however the samples are arranged. */
    public static void writeAt(Object samples, PixelLayout layout, int index, double value) {
        int storedMask = (1 << layout.bitsStored()) - 1;
        long rounded = Math.round(value);
        int clamped = (int) Math.max(layout.minValue(), Math.min(layout.maxValue(), rounded)) & storedMask;
        if (samples instanceof short[] words) {
            words[index] = (short) ((words[index] & ~storedMask) | clamped);
        } else {
            byte[] bytes = (byte[]) samples;
            bytes[index] = (byte) ((bytes[index] & ~storedMask) | clamped);
        }
    }
}
