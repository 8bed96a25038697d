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
        return valueOfBits(raw & ((1 << layout.bitsStored()) - 1), layout);
    }

    /** The value that a sample's Bits Stored bits ({@code bits}, nothing above them set) stand for. */
    public static int valueOfBits(int bits, PixelLayout layout) {
        // Shifting Bits Stored to the top of an int and back sign-extends without a branch.
        int shift = 32 - layout.bitsStored();
        return layout.signed() ? (bits << shift) >> shift : bits;
    }

    /**
     * The Bits Stored bits of {@code count} samples from array index {@code from} on, into
     * {@code into}, in one loop: indexes into a table built with {@link #valueOfBits}.
     */
    public static void bits(Object samples, PixelLayout layout, int from, int count, int[] into) {
        int stored = (1 << layout.bitsStored()) - 1;
        if (samples instanceof short[] words) {
            for (int i = 0; i < count; i++) {
                into[i] = words[from + i] & stored;
            }
        } else {
            byte[] bytes = (byte[]) samples;
            for (int i = 0; i < count; i++) {
                into[i] = bytes[from + i] & stored;
            }
        }
    }

    /** The lowest and the highest value of all samples, in one pass over the array. */
    public static int[] range(Object samples, PixelLayout layout) {
        int count = layout.pixelCount() * layout.samplesPerPixel();
        int stored = (1 << layout.bitsStored()) - 1;
        int min = Integer.MAX_VALUE;
        int max = Integer.MIN_VALUE;
        short[] words = samples instanceof short[] w ? w : null;
        byte[] bytes = words == null ? (byte[]) samples : null;
        for (int i = 0; i < count; i++) {
            int value = valueOfBits((words != null ? words[i] : bytes[i]) & stored, layout);
            min = Math.min(min, value);
            max = Math.max(max, value);
        }
        return new int[] {min, max};
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
