package io.synthgate.pixels;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 fingerprints of what SynthGate writes and sends (masks, source pixels, images sent to a
 * generator), recorded so a result can be traced to its inputs.
 */
public final class Hashes {

    private Hashes() {
    }

    /** SHA-256 of stored samples as little-endian bytes, whatever their array type. */
    public static String samples(Object samples) {
        return sha256(StoredSamples.littleEndianBytes(samples));
    }

    /** SHA-256 of {@code length} bytes of {@code file} from {@code offset}, read in blocks. */
    public static String sha256(java.nio.file.Path file, long offset, long length) throws java.io.IOException {
        try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            ByteBuffer block = ByteBuffer.allocate(1 << 16);
            long position = offset;
            long end = offset + length;
            while (position < end) {
                block.clear().limit((int) Math.min(block.capacity(), end - position));
                int read = channel.read(block, position);
                if (read < 0) {
                    throw new java.io.EOFException(file + " ends before byte " + end);
                }
                digest.update(block.array(), 0, read);
                position += read;
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by the Java platform", e);
        }
    }

    /** SHA-256 of {@code bytes}, in lower-case hex. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by the Java platform", e);
        }
    }
}
