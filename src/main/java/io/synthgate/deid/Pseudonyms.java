package io.synthgate.deid;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigInteger;
import java.nio.ByteBuffer;

/**
 * Keyed, reproducible replacements: the same key and the same original always give the same patient
 * pseudonym, UID and date shift, so reprocessing a study never creates a second identity for it, and
 * nobody without the key can recompute them from guessed originals.
 */
@ApplicationScoped
public class Pseudonyms {

    private static final char[] BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();

    private final PseudonymKey key;
    private final DeidConfig config;

    public Pseudonyms(PseudonymKey key, DeidConfig config) {
        this.key = key;
        this.config = config;
    }

    /** Patient ID and Patient Name replacement: {@code SG} and 16 base-32 characters. */
    public String patient(String issuer, String patientId) {
        byte[] mac = key.mac("patient", nullToEmpty(issuer), nullToEmpty(patientId));
        StringBuilder out = new StringBuilder("SG");
        for (int i = 0; i < 16; i++) {
            out.append(BASE32[(mac[i] & 0xff) % 32]);
        }
        return out.toString();
    }

    /** Replacement for an instance UID (study, series, SOP instance, frame of reference, ...). */
    public String uid(String original) {
        byte[] mac = key.mac("uid", original);
        return "2.25." + new BigInteger(1, java.util.Arrays.copyOf(mac, 16)).toString();
    }

    /** Days to move every date of this patient back by: between 1 and synthgate.deid.max-date-shift-days. */
    public int dateShiftDays(String issuer, String patientId) {
        long value = ByteBuffer.wrap(key.mac("date-shift", nullToEmpty(issuer), nullToEmpty(patientId))).getLong();
        return 1 + (int) Math.floorMod(value, (long) Math.max(1, config.maxDateShiftDays()));
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
