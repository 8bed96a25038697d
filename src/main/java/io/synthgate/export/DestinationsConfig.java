package io.synthgate.export;

import io.quarkus.runtime.annotations.ConfigPhase;
import io.quarkus.runtime.annotations.ConfigRoot;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithParentName;
import java.time.Duration;
import java.util.Map;

/** The DICOM peers SynthGate sends to: {@code synthgate.destinations.<name>.*}. */
@ConfigMapping(prefix = "synthgate.destinations")
@ConfigRoot(phase = ConfigPhase.RUN_TIME)
public interface DestinationsConfig {

    /** Destinations by name; routes refer to them by that name. */
    @WithParentName
    Map<String, Peer> peers();

    /** One DICOM peer. */
    interface Peer {
        /** The peer's AE title (called AE). Required. */
        String aeTitle();

        /** Host name or address. Required. */
        String host();

        /** DICOM port. Default {@code 104}. */
        @WithDefault("104")
        int port();

        /** {@code research} or {@code clinical}; synthetic objects are never sent to {@code clinical}. Required. */
        DestinationKind kind();

        /**
         * How long connecting may take, and how long an association (C-STORE, C-ECHO, C-FIND) may go with
         * nothing sent either way before it is given up, as for a PACS that hangs: the export then waits
         * for the destination to answer a C-ECHO again. Default {@code 30s}.
         */
        @WithDefault("30s")
        Duration timeout();

        /**
         * Whether to speak DICOM over TLS to it (TLS 1.2 or 1.3), checking its certificate against
         * {@code synthgate.export.tls.trust-store} and its host name. Default {@code false}.
         */
        @WithDefault("false")
        boolean tls();

        /**
         * Whether each object the peer acknowledges is then looked for with a C-FIND at image level, and
         * counts as exported only when the peer answers it: a PACS that answers a C-STORE with success
         * and keeps nothing (a filter or routing rule that drops it) then fails the export instead of
         * losing the object unnoticed. The peer must answer C-FIND from the calling AE title. Default
         * {@code false}.
         */
        @WithDefault("false")
        boolean confirmStored();
    }
}
