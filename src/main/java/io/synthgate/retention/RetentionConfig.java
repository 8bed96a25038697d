package io.synthgate.retention;

import io.quarkus.runtime.annotations.ConfigPhase;
import io.quarkus.runtime.annotations.ConfigRoot;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How long finished jobs' files stay in the spool: {@code synthgate.retention.*}. */
@ConfigMapping(prefix = "synthgate.retention")
@ConfigRoot(phase = ConfigPhase.RUN_TIME)
public interface RetentionConfig {

    /**
     * How long an EXPORTED job's files stay: its synthetic copies, and, once every job on the same
     * instances is done with them, the received originals and their de-identified copies. Default
     * {@code 0s}: removed at the cleaner's next run after the export.
     */
    @WithDefault("0s")
    Duration afterExport();

    /** How long the files of a study that matched no experiment (an UNMATCHED job) stay. Default {@code 24h}. */
    @WithDefault("24h")
    Duration unmatched();

    /**
     * How long a FAILED job's files stay, the time an admin has to retry it; after that it can no longer
     * be retried. Default {@code 7d}.
     */
    @WithDefault("7d")
    Duration failed();

    /** How often the cleaner runs. Default {@code 1m}. */
    @WithDefault("1m")
    Duration checkInterval();
}
