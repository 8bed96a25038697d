package io.synthgate.spool;

import io.quarkus.runtime.annotations.ConfigPhase;
import io.quarkus.runtime.annotations.ConfigRoot;
import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;

/** Where received and generated objects are kept, and how hard SynthGate insists they reach the disk. */
@ConfigMapping(prefix = "synthgate.spool")
@ConfigRoot(phase = ConfigPhase.RUN_TIME)
public interface SpoolConfig {

    /** Root folder of the spool; {@code inbound/} and {@code outbound/} live below it. Default {@code data/spool}. */
    @WithDefault("data/spool")
    Path dir();

    /**
     * Whether each file and its folder are fsync'ed before the object is acknowledged. Default
     * {@code true}; turning it off trades crash safety for throughput on disks without a write cache.
     */
    @WithDefault("true")
    boolean fsync();

    /**
     * Free space the spool's file system must keep: below it nothing more is written, so the disk never
     * fills; jobs that need to write wait until space returns. Default {@code 512M}.
     */
    @WithDefault("512M")
    MemorySize minFreeSpace();

    /**
     * Room kept above {@code min-free-space} for the pipeline's de-identified and synthetic copies of
     * what was already received: new objects are refused with "Out of Resources" (0xA700) once free
     * space falls below the two together, so received studies can still be processed. Default
     * {@code 256M}.
     */
    @WithDefault("256M")
    MemorySize pipelineReserve();

    /**
     * How often the spool is searched for received objects without a record, besides at start-up: with
     * replicas sharing the spool, what a replica acknowledged just before it died is recorded by another
     * without waiting for the dead one to start again. Default {@code 5m}.
     */
    @WithDefault("5m")
    Duration recoveryInterval();
}
