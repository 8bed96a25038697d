package io.synthgate.wrap;

import io.synthgate.mask.Mask;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 fingerprints of a mask and of source pixels, recorded so a result can be traced to its inputs. */
final class Hashes {

    private Hashes() {
    }

    static String mask(Mask mask) {
        return hex(MaskOverlay.packBits(mask));
    }

    static String samples(Object samples) {
        if (samples instanceof short[] words) {
            ByteBuffer buffer = ByteBuffer.allocate(words.length * 2).order(ByteOrder.LITTLE_ENDIAN);
            buffer.asShortBuffer().put(words);
            return hex(buffer.array());
        }
        return hex((byte[]) samples);
    }

    private static String hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by the Java platform", e);
        }
    }
}
