package io.synthgate.ingest;

import io.synthgate.dicom.TlsContexts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;

/**
 * The server socket of the DICOM TLS listener ({@link TlsContexts}: TLS 1.2 and 1.3, forward-secret AEAD
 * suites). The handshake happens on a greeter's first read, within {@code synthgate.dicom.request-timeout},
 * never on the accepting thread.
 */
final class DicomTls {

    private DicomTls() {
    }

    /** Binds the TLS listener as configured; the key store must be given. */
    static SSLServerSocket bind(DicomListenerConfig.Tls tls, String bindAddress, int port) {
        Path keyStore = tls.keyStore().orElseThrow(() -> new IllegalArgumentException(
                "synthgate.dicom.tls.port is set, but synthgate.dicom.tls.key-store names no PKCS12 key store"));
        for (String protocol : tls.protocols()) {
            if (!TlsContexts.PROTOCOLS.contains(protocol)) {
                throw new IllegalArgumentException("synthgate.dicom.tls.protocols may name " + TlsContexts.PROTOCOLS
                        + " only, not " + protocol);
            }
        }
        SSLContext context;
        try {
            context = TlsContexts.create(tls.keyStore(), tls.keyStorePassword(), tls.trustStore(),
                    tls.trustStorePassword());
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("Cannot set up DICOM TLS from " + keyStore + ": " + e.getMessage(), e);
        }
        try {
            SSLServerSocket socket = (SSLServerSocket) context.getServerSocketFactory().createServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(bindAddress, port), 128);
            socket.setEnabledProtocols(tls.protocols().toArray(String[]::new));
            socket.setEnabledCipherSuites(TlsContexts.modernSuites(socket.getSupportedCipherSuites()));
            socket.setNeedClientAuth(tls.clientAuth() == DicomListenerConfig.ClientAuth.REQUIRED);
            return socket;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot listen for DICOM TLS on " + bindAddress + ":" + port + ": "
                    + e.getMessage(), e);
        }
    }
}
