package io.synthgate.dicom;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * TLS for DICOM on the JDK rather than PixelMed (whose only suite is TLS_RSA_WITH_AES_128_CBC_SHA):
 * contexts from PKCS12 key and trust stores, TLS 1.2 and 1.3 only, and of those only suites with
 * forward secrecy and authenticated encryption, the BCP 195 set DCMTK's default profile asks for.
 */
public final class TlsContexts {

    /** The TLS versions SynthGate ever enables, newest first. */
    public static final List<String> PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");

    private TlsContexts() {
    }

    /**
     * A context with the identity in {@code keyStore} (none when empty) that trusts the authorities in
     * {@code trustStore} (the JVM's defaults when empty).
     */
    public static SSLContext create(Optional<Path> keyStore, Optional<String> keyStorePassword, Optional<Path> trustStore,
            Optional<String> trustStorePassword) throws IOException, GeneralSecurityException {
        SSLContext context = SSLContext.getInstance("TLS");
        KeyManagerFactory keys = null;
        if (keyStore.isPresent()) {
            keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            char[] password = keyStorePassword.orElse("").toCharArray();
            keys.init(load(keyStore.get(), password), password);
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trustStore.isPresent() ? load(trustStore.get(), trustStorePassword.orElse("").toCharArray()) : null);
        context.init(keys == null ? null : keys.getKeyManagers(), trust.getTrustManagers(), null);
        return context;
    }

    /** TLS 1.3's suites, and TLS 1.2's with (EC)DHE key exchange and AEAD encryption. */
    public static String[] modernSuites(String[] supported) {
        return Arrays.stream(supported)
                .filter(suite -> suite.startsWith("TLS_AES_") || suite.startsWith("TLS_CHACHA20_")
                        || (suite.startsWith("TLS_ECDHE_") || suite.startsWith("TLS_DHE_"))
                                && (suite.contains("_GCM_") || suite.contains("_CHACHA20_POLY1305_")))
                .toArray(String[]::new);
    }

    /**
     * The end of validity of the certificate in {@code store} (a PKCS12 key or trust store) that expires
     * first: a key entry's whole chain and every trusted certificate. Empty for a store without one.
     */
    public static Optional<Instant> firstExpiry(Path store, Optional<String> password)
            throws IOException, GeneralSecurityException {
        KeyStore loaded = load(store, password.orElse("").toCharArray());
        Instant first = null;
        for (String alias : Collections.list(loaded.aliases())) {
            List<Certificate> certificates = new ArrayList<>();
            if (loaded.isKeyEntry(alias) && loaded.getCertificateChain(alias) != null) {
                certificates.addAll(List.of(loaded.getCertificateChain(alias)));
            } else if (loaded.getCertificate(alias) != null) {
                certificates.add(loaded.getCertificate(alias));
            }
            for (Certificate certificate : certificates) {
                if (certificate instanceof X509Certificate x509) {
                    Instant notAfter = x509.getNotAfter().toInstant();
                    first = first == null || notAfter.isBefore(first) ? notAfter : first;
                }
            }
        }
        return Optional.ofNullable(first);
    }

    private static KeyStore load(Path file, char[] password) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, password);
        }
        return store;
    }
}
