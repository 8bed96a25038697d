package io.synthgate.export;

import io.synthgate.dicom.TlsContexts;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.security.GeneralSecurityException;
import javax.net.ssl.SSLContext;

/**
 * SynthGate's side of every DICOM TLS connection it opens, to a destination or to a source: the
 * authorities it trusts ({@code synthgate.export.tls.trust-store}, unset: the JVM's) and the client
 * certificate it shows when asked ({@code synthgate.export.tls.key-store}). Made when first needed, so
 * a gateway without TLS peers never reads the stores.
 */
@ApplicationScoped
public class ClientTls {

    private final ExportConfig.Tls tls;
    private volatile SSLContext context;

    public ClientTls(ExportConfig config) {
        this.tls = config.tls();
    }

    /** The context TLS connections to peers are made with. */
    public SSLContext context() throws IOException {
        SSLContext made = context;
        if (made == null) {
            try {
                made = TlsContexts.create(tls.keyStore(), tls.keyStorePassword(), tls.trustStore(),
                        tls.trustStorePassword());
            } catch (GeneralSecurityException e) {
                throw new IOException("synthgate.export.tls is unusable: " + e.getMessage(), e);
            }
            context = made;
        }
        return made;
    }
}
