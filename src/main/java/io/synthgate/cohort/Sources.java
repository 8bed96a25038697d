package io.synthgate.cohort;

import io.quarkus.runtime.Startup;
import io.synthgate.dicom.AeTitle;
import io.synthgate.ingest.DicomListenerConfig;
import io.synthgate.ingest.SourcesConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The configured sources by name, read and checked at start-up: a misconfigured one stops the start. */
@Startup
@ApplicationScoped
public class Sources {

    private final Map<String, Source> byName = new TreeMap<>();

    public Sources(SourcesConfig config, DicomListenerConfig listener) {
        AeTitle ours = new AeTitle(listener.aeTitle());
        config.sources().forEach((name, source) -> byName.put(name, new Source(name, new AeTitle(source.aeTitle()),
                source.host(), source.port(), source.retrieve(),
                source.callingAeTitle().map(AeTitle::new).orElse(ours),
                source.moveDestination().map(AeTitle::new).orElse(ours), source.maxAssociations(), source.timeout(),
                source.responseTimeout(), source.tls())));
    }

    public Optional<Source> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public List<String> names() {
        return List.copyOf(byName.keySet());
    }
}
