package io.synthgate.ingest;

import io.quarkus.runtime.annotations.ConfigPhase;
import io.quarkus.runtime.annotations.ConfigRoot;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithParentName;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The clinical PACS SynthGate may query and retrieve cohorts from: {@code synthgate.sources.<name>.*}.
 * A source's AE title on its host is an allowed caller of the listener without being listed in
 * {@code synthgate.dicom.allowed-callers}, since a C-MOVE's objects arrive as C-STOREs it opens.
 */
@ConfigMapping(prefix = "synthgate.sources")
@ConfigRoot(phase = ConfigPhase.RUN_TIME)
public interface SourcesConfig {

    /** Sources by name; {@code POST /api/cohorts} names one. */
    @WithParentName
    Map<String, Source> sources();

    /** One clinical PACS. */
    interface Source {
        /** The PACS's AE title (called AE of the query and the retrieve). Required. */
        String aeTitle();

        /** Host name or address. Required. */
        String host();

        /** DICOM port. Default {@code 104}. */
        @WithDefault("104")
        int port();

        /**
         * How studies are retrieved: {@code move} (C-MOVE to SynthGate's own AE, whose C-STOREs arrive at the
         * listener) or {@code get} (C-GET, the objects come back on the same association). Default {@code move}.
         */
        @WithDefault("move")
        RetrieveMethod retrieve();

        /** The calling AE title SynthGate uses towards this PACS. Default: {@code synthgate.dicom.ae-title}. */
        Optional<String> callingAeTitle();

        /**
         * The AE title a C-MOVE asks the PACS to send to, for a PACS that knows SynthGate under another
         * title. Default: {@code synthgate.dicom.ae-title}.
         */
        Optional<String> moveDestination();

        /**
         * Studies retrieved from this PACS at once, each on an association of its own; the rest wait, so
         * the PACS is never flooded. Default {@code 2}.
         */
        @WithDefault("2")
        int maxAssociations();

        /** How long connecting to it may take. Default {@code 30s}. */
        @WithDefault("30s")
        Duration timeout();

        /**
         * How long it may send nothing on an association before SynthGate gives the association up and
         * fails that query or retrieve (a PACS that hangs must not hold a retrieve slot for ever). Long
         * enough for a C-MOVE of a large study from a PACS that sends no pending responses. Default
         * {@code 10m}.
         */
        @WithDefault("10m")
        Duration responseTimeout();

        /**
         * Whether SynthGate's query and retrieve associations to it run over TLS (TLS 1.2 or 1.3), checking
         * its certificate against {@code synthgate.export.tls.trust-store} and its host name, with
         * SynthGate's client certificate from {@code synthgate.export.tls.key-store} when it asks for one.
         * A C-MOVE's C-STOREs come over TLS only if the PACS sends them to the listener's TLS port.
         * Default {@code false}.
         */
        @WithDefault("false")
        boolean tls();
    }

    /** How a source sends a study's objects. */
    enum RetrieveMethod {
        /** C-MOVE to SynthGate's AE: the PACS opens associations of its own to the listener. */
        MOVE,
        /** C-GET: the objects come back as C-STOREs on the retrieving association. */
        GET
    }
}
