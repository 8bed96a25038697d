package io.synthgate.replica;

import io.quarkus.runtime.annotations.ConfigPhase;
import io.quarkus.runtime.annotations.ConfigRoot;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** How this replica names itself and how long its claim on a job lasts without a heartbeat. */
@ConfigMapping(prefix = "synthgate.replica")
@ConfigRoot(phase = ConfigPhase.RUN_TIME)
public interface ReplicaConfig {

    /**
     * This replica's name, unique among the replicas sharing the database and spool. Default: the host
     * name and the HTTP port (the pod name on Kubernetes), which two live processes never share and a
     * restarted one keeps, so it takes its own jobs back at once.
     */
    Optional<String> name();

    /**
     * How long a claim on a job lasts unless renewed: a replica that dies holding a job leaves it to
     * the others this long after its last heartbeat. Default {@code 60s}; at least three heartbeats.
     */
    @WithDefault("60s")
    Duration lease();

    /** How often the replica renews the leases of the jobs it runs. Default {@code 15s}. */
    @WithDefault("15s")
    Duration heartbeatInterval();
}
