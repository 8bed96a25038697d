package io.synthgate.ingest;

import io.quarkus.runtime.annotations.ConfigPhase;
import io.quarkus.runtime.annotations.ConfigRoot;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The DICOM listener (SCP). */
@ConfigMapping(prefix = "synthgate.dicom")
@ConfigRoot(phase = ConfigPhase.RUN_TIME)
public interface DicomListenerConfig {

    /** Our AE title; associations calling another title are rejected. Default {@code SYNTHGATE}. */
    @WithDefault("SYNTHGATE")
    String aeTitle();

    /** TCP port of the SCP; {@code 0} picks a free port (tests). Default {@code 11112}. */
    @WithDefault("11112")
    int port();

    /** Address to bind; {@code 0.0.0.0} for every interface. Default {@code 0.0.0.0}. */
    @WithDefault("0.0.0.0")
    String bindAddress();

    /**
     * Who may open an association: calling AE titles, each optionally bound to a host as
     * {@code AET@host}; {@code *} stands for any title ({@code *@10.1.2.3}). Default: loopback callers only
     * ({@code *@127.0.0.1,*@::1}). A lone {@code *} opens the listener to everyone and must be written out.
     */
    @WithDefault("*@127.0.0.1,*@::1")
    List<String> allowedCallers();

    /**
     * Associations served at once; a further caller waits up to a second for one to end, then gets
     * A-ASSOCIATE-RJ (local limit exceeded). Default {@code 16}.
     */
    @WithDefault("16")
    int maxAssociations();

    /**
     * How long a new connection has to send its A-ASSOCIATE-RQ (the ARTIM timer of PS3.8) before it is
     * closed, so that silent connections free their worker within seconds. Default {@code 5s}.
     */
    @WithDefault("5s")
    Duration requestTimeout();

    /**
     * Connections waiting to send their A-ASSOCIATE-RQ at once, over all hosts; further ones are closed
     * as they come. They wait apart from the association workers. Default {@code 64}.
     */
    @WithDefault("64")
    int maxPendingConnections();

    /**
     * Connections from one host waiting to send their A-ASSOCIATE-RQ at once, so that one host cannot
     * take every place; further ones from it are closed as they come. Default {@code 8}.
     */
    @WithDefault("8")
    int maxPendingConnectionsPerHost();

    /**
     * An association with no traffic for this long is aborted; so is one whose PDU, once begun, has not
     * arrived whole within this time. Default {@code 60s}.
     */
    @WithDefault("60s")
    Duration idleTimeout();

    /**
     * Largest PDU we offer to receive, in bytes, between 4096 and 4194304; a longer P-DATA-TF is answered
     * with A-ABORT before it is read. Each association holds at most one such PDU in memory. Default
     * {@code 65536}.
     */
    @WithDefault("65536")
    int maxPduLength();

    /** A second listener that speaks DICOM over TLS (PS3.15 Annex B), beside the plain one. */
    Tls tls();

    /** DICOM TLS: {@code synthgate.dicom.tls.*}. Off unless {@code port} is set. */
    interface Tls {

        /** TCP port of the TLS listener (2762 is DICOM's registered TLS port); unset, there is none. */
        Optional<Integer> port();

        /** The listener's private key and certificate chain, a PKCS12 file. Required with {@code port}. */
        Optional<Path> keyStore();

        /** The key store's password; give it through the environment. Never logged. */
        Optional<String> keyStorePassword();

        /**
         * The certificates callers' certificates must chain to, a PKCS12 file; unset, the JVM's default
         * trusted authorities.
         */
        Optional<Path> trustStore();

        /** The trust store's password, if it has one. */
        Optional<String> trustStorePassword();

        /** {@code none}, or {@code required}: a caller must present a certificate the trust store accepts. Default {@code none}. */
        @WithDefault("none")
        ClientAuth clientAuth();

        /** The TLS versions offered. Default {@code TLSv1.3,TLSv1.2}; older ones are never enabled. */
        @WithDefault("TLSv1.3,TLSv1.2")
        List<String> protocols();
    }

    /** Whether a TLS caller must present a certificate. */
    enum ClientAuth {
        NONE, REQUIRED
    }
}
