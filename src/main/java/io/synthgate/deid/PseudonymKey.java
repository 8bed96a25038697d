package io.synthgate.deid;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The HMAC-SHA256 key behind every pseudonym: from {@code synthgate.deid.pseudonym-key}, or generated
 * once and kept in table {@code deid_secret}. Hands out MACs, never the key.
 */
@ApplicationScoped
public class PseudonymKey {

    private final DeidConfig config;
    private final DeidSecretRepository secrets;
    private volatile SecretKeySpec key;

    public PseudonymKey(DeidConfig config, DeidSecretRepository secrets) {
        this.config = config;
        this.secrets = secrets;
    }

    /** A key from {@code secret} alone, for code that runs without a database (tests, benchmarks). */
    public static PseudonymKey fixed(String secret) {
        PseudonymKey fixed = new PseudonymKey(null, null);
        fixed.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        return fixed;
    }

    /** HMAC-SHA256 of the parts, joined with a separator that cannot occur in DICOM text. */
    public byte[] mac(String... parts) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key());
            return mac.doFinal(String.join("\u0000", parts).getBytes(StandardCharsets.UTF_8));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required by the Java platform", e);
        }
    }

    private SecretKeySpec key() {
        SecretKeySpec current = key;
        if (current == null) {
            synchronized (this) {
                if (key == null) {
                    String secret = config.pseudonymKey().filter(s -> !s.isBlank()).orElseGet(this::storedSecret);
                    key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
                }
                current = key;
            }
        }
        return current;
    }

    /**
     * The stored secret, generated and stored first if there is none. Replicas starting on a new
     * database may race to store one; the loser's insert fails and it reads the winner's, so every
     * replica pseudonymises with the same key.
     */
    private String storedSecret() {
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                DeidSecretEntity stored = secrets.findById(DeidSecretEntity.ONLY_ROW);
                if (stored != null) {
                    return stored.secret;
                }
                byte[] random = new byte[32];
                new SecureRandom().nextBytes(random);
                DeidSecretEntity created = new DeidSecretEntity();
                created.id = DeidSecretEntity.ONLY_ROW;
                created.secret = Base64.getEncoder().encodeToString(random);
                secrets.persist(created);
                return created.secret;
            });
        } catch (RuntimeException raced) {
            DeidSecretEntity stored = QuarkusTransaction.requiringNew().call(() -> secrets.findById(DeidSecretEntity.ONLY_ROW));
            if (stored == null) {
                throw raced;
            }
            return stored.secret;
        }
    }
}
