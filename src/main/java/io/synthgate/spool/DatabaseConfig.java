package io.synthgate.spool;

import io.quarkus.runtime.annotations.ConfigPhase;
import io.quarkus.runtime.annotations.ConfigRoot;
import io.smallrye.config.ConfigMapping;

/**
 * The database's password, required: {@code synthgate.database.password}, which
 * {@code quarkus.datasource.password} reads. A required mapping is checked before anything starts, so a
 * gateway without a password stops before it could create the embedded database (which holds the
 * re-identification table) without one; Quarkus's own key alone would let it start with none.
 */
@ConfigMapping(prefix = "synthgate.database")
@ConfigRoot(phase = ConfigPhase.RUN_TIME)
public interface DatabaseConfig {

    /** From the environment, {@code SYNTHGATE_DB_PASSWORD}; no default ships. Never logged. */
    String password();
}
