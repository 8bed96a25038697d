package io.synthgate.expertmask;

import java.io.ByteArrayOutputStream;
import java.util.Base64;
import java.util.BitSet;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * A mask's pixels as text for the database: the bits deflated, then Base64. Masks are large runs of
 * the same value, so even a whole radiograph's fits in a few kilobytes.
 */
final class RegionCodec {

    /** The most characters a stored mask may take (the column's size). */
    static final int LIMIT = 1_000_000;

    private RegionCodec() {
    }

    static String encode(BitSet bits) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        deflater.setInput(bits.toByteArray());
        deflater.finish();
        ByteArrayOutputStream deflated = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        while (!deflater.finished()) {
            deflated.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        String text = Base64.getEncoder().encodeToString(deflated.toByteArray());
        if (text.length() > LIMIT) {
            throw new IllegalArgumentException("The mask is too intricate to store (" + text.length()
                    + " characters compressed, at most " + LIMIT + ")");
        }
        return text;
    }

    static BitSet decode(String text) {
        Inflater inflater = new Inflater();
        inflater.setInput(Base64.getDecoder().decode(text));
        ByteArrayOutputStream inflated = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            while (!inflater.finished()) {
                int read = inflater.inflate(buffer);
                if (read == 0 && !inflater.finished() && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new IllegalStateException("A stored mask ends early");
                }
                inflated.write(buffer, 0, read);
            }
        } catch (DataFormatException e) {
            throw new IllegalStateException("A stored mask cannot be read: " + e.getMessage(), e);
        } finally {
            inflater.end();
        }
        return BitSet.valueOf(inflated.toByteArray());
    }
}
