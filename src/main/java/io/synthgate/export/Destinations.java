package io.synthgate.export;

import io.synthgate.dicom.AeTitle;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

/** The configured destinations, validated once at start-up. */
@ApplicationScoped
public class Destinations {

    private final Map<String, Destination> byName = new TreeMap<>();

    public Destinations(DestinationsConfig config) {
        config.peers().forEach((name, peer) -> byName.put(name, new Destination(name, new AeTitle(peer.aeTitle()),
                peer.host(), peer.port(), peer.kind(), peer.timeout(), peer.tls(), peer.confirmStored())));
    }

    public Destination get(String name) {
        Destination destination = byName.get(name);
        if (destination == null) {
            throw new IllegalArgumentException("No destination '" + name + "' under synthgate.destinations; known: "
                    + byName.keySet());
        }
        return destination;
    }

    public Collection<Destination> all() {
        return byName.values();
    }
}
