package io.synthgate.study;

import io.quarkus.runtime.annotations.ConfigPhase;
import io.quarkus.runtime.annotations.ConfigRoot;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** When a study counts as complete. */
@ConfigMapping(prefix = "synthgate.study")
@ConfigRoot(phase = ConfigPhase.RUN_TIME)
public interface StudyConfig {

    /**
     * A study completes when no instance of it has arrived for this long (ISO-8601 such as
     * {@code PT30S}, or {@code 30s}). Default {@code 30s}.
     */
    @WithDefault("30s")
    Duration idleTimeout();

    /** How often idle studies are looked for. Default {@code 2s}. */
    @WithDefault("2s")
    Duration checkInterval();
}
