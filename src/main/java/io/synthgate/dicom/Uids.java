package io.synthgate.dicom;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;
import java.util.regex.Pattern;

/** Checks UID syntax (PS3.5 9.1) and derives new UIDs deterministically (PS3.5 B.2, UUID form). */
public final class Uids {

    /** PS3.5 9.1: components of digits, none with a leading zero. */
    private static final Pattern CONFORMANT = Pattern.compile("(0|[1-9][0-9]*)(\\.(0|[1-9][0-9]*))*");
    /** What real archives hold and keep: components of digits, leading zeros included. */
    private static final Pattern USABLE = Pattern.compile("[0-9]+(\\.[0-9]+)*");

    /** Namespace of every UID SynthGate derives, so its UUIDv5s never collide with another tool's. */
    private static final UUID NAMESPACE = UUID.fromString("5e8b2c1a-9f0e-4b7d-8a61-2f3c4d5e6f70");

    private Uids() {
    }

    /**
     * Throws when {@code value} cannot serve as a UID at all: empty, longer than 64 characters, or not
     * dot-separated components of digits. A component with a leading zero, which PS3.5 9.1 forbids but
     * archives hold and Orthanc and DCMTK keep, passes: see {@link #isConformant}.
     */
    public static String requireUsable(String value, String what) {
        if (value == null || value.isEmpty() || value.length() > 64 || !USABLE.matcher(value).matches()) {
            throw new IllegalArgumentException(what + " is not a DICOM UID: '" + value + "'");
        }
        return value;
    }

    /** Whether {@code value} follows PS3.5 9.1 in full: no component with a leading zero, at most 64 characters. */
    public static boolean isConformant(String value) {
        return value != null && value.length() <= 64 && CONFORMANT.matcher(value).matches();
    }

    /**
     * The {@code 2.25.<uuid>} UID of a UUIDv5 over the given parts: the same parts always give the
     * same UID, so a retried or resumed job writes over its earlier output instead of adding to it.
     */
    public static String derive(String... parts) {
        return "2.25." + new BigInteger(1, toBytes(uuidV5(String.join("\u0000", parts))));
    }

    static UUID uuidV5(String name) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            sha1.update(toBytes(NAMESPACE));
            byte[] hash = sha1.digest(name.getBytes(StandardCharsets.UTF_8));
            hash[6] = (byte) ((hash[6] & 0x0f) | 0x50);
            hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
            ByteBuffer buffer = ByteBuffer.wrap(hash, 0, 16);
            return new UUID(buffer.getLong(), buffer.getLong());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is required by the Java platform", e);
        }
    }

    private static byte[] toBytes(UUID uuid) {
        return ByteBuffer.allocate(16).putLong(uuid.getMostSignificantBits())
                .putLong(uuid.getLeastSignificantBits()).array();
    }
}
