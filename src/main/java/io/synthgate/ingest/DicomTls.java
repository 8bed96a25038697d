package io.synthgate.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.TrustManagerFactory;

/**
 * The server socket of the DICOM TLS listener, on the JDK's TLS rather than PixelMed's (whose only
 * suite is TLS_RSA_WITH_AES_128_CBC_SHA): TLS 1.2 and 1.3 only, and of those only suites with forward
 * secrecy and authenticated encryption (ECDHE or DHE with AES-GCM or ChaCha20-Poly1305, and TLS 1.3's
 * own), the set of BCP 195 that DCMTK's default profile asks for. The handshake happens on a greeter's
 * first read, within {@code synthgate.dicom.request-timeout}, never on the accepting thread.
 */
final class DicomTls {

    private static final Set<String> ALLOWED_PROTOCOLS = Set.of("TLSv1.3", "TLSv1.2");

    private DicomTls() {
    }

    /** Binds the TLS listener as configured; the key store must be given. */
    static SSLServerSocket bind(DicomListenerConfig.Tls tls, String bindAddress, int port) {
        Path keyStore = tls.keyStore().orElseThrow(() -> new IllegalArgumentException(
                "synthgate.dicom.tls.port is set, but synthgate.dicom.tls.key-store names no PKCS12 key store"));
        for (String protocol : tls.protocols()) {
            if (!ALLOWED_PROTOCOLS.contains(protocol)) {
                throw new IllegalArgumentException("synthgate.dicom.tls.protocols may name TLSv1.3 and TLSv1.2 only, not "
                        + protocol);
            }
        }
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            char[] keyPassword = tls.keyStorePassword().orElse("").toCharArray();
            keys.init(load(keyStore, keyPassword), keyPassword);
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(tls.trustStore().isPresent()
                    ? load(tls.trustStore().get(), tls.trustStorePassword().orElse("").toCharArray())
                    : null);
            context.init(keys.getKeyManagers(), trust.getTrustManagers(), null);
            SSLServerSocket socket = (SSLServerSocket) context.getServerSocketFactory().createServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(bindAddress, port), 128);
            socket.setEnabledProtocols(tls.protocols().toArray(String[]::new));
            socket.setEnabledCipherSuites(modern(socket.getSupportedCipherSuites()));
            socket.setNeedClientAuth(tls.clientAuth() == DicomListenerConfig.ClientAuth.REQUIRED);
            return socket;
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("Cannot set up DICOM TLS from " + keyStore + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot listen for DICOM TLS on " + bindAddress + ":" + port + ": "
                    + e.getMessage(), e);
        }
    }

    /** TLS 1.3's suites, and TLS 1.2's with (EC)DHE key exchange and AEAD encryption. */
    static String[] modern(String[] supported) {
        return Arrays.stream(supported)
                .filter(suite -> List.of("TLS_AES_", "TLS_CHACHA20_").stream().anyMatch(suite::startsWith)
                        || (suite.startsWith("TLS_ECDHE_") || suite.startsWith("TLS_DHE_"))
                                && (suite.contains("_GCM_") || suite.contains("_CHACHA20_POLY1305_")))
                .toArray(String[]::new);
    }

    private static KeyStore load(Path file, char[] password) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, password);
        }
        return store;
    }
}
