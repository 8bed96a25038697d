package io.synthgate.replica;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Makes this process's {@link Replica} from its configuration. */
@ApplicationScoped
public class ReplicaProducer {

    private final ReplicaConfig config;
    private final int httpPort;

    public ReplicaProducer(ReplicaConfig config, @ConfigProperty(name = "quarkus.http.port", defaultValue = "8080") int httpPort) {
        this.config = config;
        this.httpPort = httpPort;
    }

    @Produces
    @Singleton
    Replica replica() {
        if (config.lease().compareTo(config.heartbeatInterval().multipliedBy(3)) < 0) {
            throw new IllegalArgumentException("synthgate.replica.lease (" + config.lease() + ") must be at least three "
                    + "heartbeats (synthgate.replica.heartbeat-interval " + config.heartbeatInterval() + "), or a "
                    + "replica that is merely slow loses its jobs to another");
        }
        return new Replica(config.name().map(String::strip).orElseGet(this::defaultName), config.lease());
    }

    private String defaultName() {
        String port = ":" + httpPort;
        String host = hostName();
        return host.substring(0, Math.min(host.length(), Replica.NAME_LIMIT - port.length())) + port;
    }

    private static String hostName() {
        String fromEnvironment = Optional.ofNullable(System.getenv("HOSTNAME")).map(String::strip).orElse("");
        if (!fromEnvironment.isEmpty()) {
            return fromEnvironment;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
