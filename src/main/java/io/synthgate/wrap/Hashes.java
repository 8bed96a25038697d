package io.synthgate.wrap;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
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

    static String samples(Object samples) {
        if (samples instanceof short[] words) {
            ByteBuffer buffer = ByteBuffer.allocate(words.length * 2).order(ByteOrder.LITTLE_ENDIAN);
            buffer.asShortBuffer().put(words);
            return sha256(buffer.array());
        }
        return sha256((byte[]) samples);
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by the Java platform", e);
        }
    }
}
