package io.synthgate.pipeline;

import io.quarkus.runtime.annotations.ConfigPhase;
import io.quarkus.runtime.annotations.ConfigRoot;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How jobs are run and resumed, and how hard an export is retried before the job is parked. */
@ConfigMapping(prefix = "synthgate.pipeline")
@ConfigRoot(phase = ConfigPhase.RUN_TIME)
public interface PipelineConfig {

    /** Jobs processed in parallel; the rest wait in the database. Default {@code 2}. */
    @WithDefault("2")
    int concurrency();

    /**
     * Images processed at once across all jobs (the routes' split runs on this many workers): while
     * one image waits for a generator, the next is de-identified and rendered. Default {@code 4},
     * the default generator concurrency twice over on two cores.
     */
    @WithDefault("4")
    int imageConcurrency();

    /** How often unfinished jobs (after a restart, or a lost hand-off) are handed back to the routes. Default {@code 10s}. */
    @WithDefault("10s")
    Duration resumeInterval();

    /** Redeliveries of a failed export before the job is parked as FAILED (read by the routes). Default {@code 5}. */
    @WithDefault("5")
    int exportRetries();

    /** First delay between export redeliveries in milliseconds, doubled each time up to a minute. Default {@code 2000}. */
    @WithDefault("2000")
    long exportRetryDelayMs();
}
