package io.synthgate.export;

import io.quarkus.runtime.annotations.ConfigPhase;
import io.quarkus.runtime.annotations.ConfigRoot;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** How SynthGate sends, and waits for destinations that do not answer: {@code synthgate.export.*}. */
@ConfigMapping(prefix = "synthgate.export")
@ConfigRoot(phase = ConfigPhase.RUN_TIME)
public interface ExportConfig {

    /**
     * The calling AE title of every association SynthGate opens (C-STORE, C-ECHO); a destination that
     * checks its callers must know it. Default: the listener's own, {@code synthgate.dicom.ae-title}.
     */
    @WithDefault("${synthgate.dicom.ae-title:SYNTHGATE}")
    String callingAeTitle();

    /** How often each destination is checked with C-ECHO while it answers. Default {@code 10s}. */
    @WithDefault("10s")
    Duration watchInterval();

    /**
     * The longest wait between C-ECHOes of an unreachable destination; the wait doubles from
     * {@code watch-interval} with each failed check up to this. Default {@code 60s}.
     */
    @WithDefault("60s")
    Duration watchMaxInterval();

    /**
     * How long a job waits for an unreachable destination before it fails. Unset (the default), it waits
     * however long the outage lasts, and its outputs are exported once the destination answers again.
     */
    Optional<Duration> outageLimit();

    /** TLS towards destinations with {@code tls=true}: {@code synthgate.export.tls.*}. */
    Tls tls();

    /** The trust and the identity SynthGate uses when it calls over TLS. */
    interface Tls {

        /** Certificates a destination's certificate must chain to (PKCS12); unset, the JVM's default authorities. */
        Optional<Path> trustStore();

        /** The trust store's password, if it has one. */
        Optional<String> trustStorePassword();

        /** SynthGate's client key and certificate (PKCS12), for destinations that require one; unset, none is shown. */
        Optional<Path> keyStore();

        /** The key store's password; give it through the environment. Never logged. */
        Optional<String> keyStorePassword();
    }
}
