package io.synthgate.dicom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synthgate.testing.TestCertificates;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The first expiry of real PKCS12 stores made with OpenSSL and keytool, as the README tells an admin to. */
class TlsContextsTest {

    private static final Optional<String> PASSWORD = Optional.of(TestCertificates.PASSWORD);

    @TempDir
    static Path folder;

    private static TestCertificates certificates;
    private static Instant made;

    @BeforeAll
    static void makeCertificates() throws IOException {
        made = Instant.now();
        certificates = TestCertificates.make(folder);
    }

    @Test
    void aKeyStoresFirstExpiryIsTheEarliestOfItsChain() throws Exception {
        Instant first = TlsContexts.firstExpiry(certificates.serverKeyStore(), PASSWORD).orElseThrow();
        // authority and server certificate are both made for 2 days, the authority a moment before
        assertTrue(first.isAfter(made.plus(Duration.ofDays(2)).minusSeconds(5))
                && first.isBefore(Instant.now().plus(Duration.ofDays(2))), first.toString());
        assertEquals(first, TlsContexts.firstExpiry(certificates.trustStore(), PASSWORD).orElseThrow(),
                "the trust store holds the same authority, which expires first");
    }

    @Test
    void anExpiredCertificateIsFoundInItsChain() throws Exception {
        Instant first = TlsContexts.firstExpiry(certificates.expiredKeyStore(), PASSWORD).orElseThrow();
        assertTrue(!first.isAfter(Instant.now()), first.toString());
    }

    @Test
    void aWrongPasswordIsAnError() {
        assertThrows(IOException.class,
                () -> TlsContexts.firstExpiry(certificates.serverKeyStore(), Optional.of("not-the-password")));
    }
}
