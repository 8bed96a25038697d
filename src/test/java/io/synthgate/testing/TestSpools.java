package io.synthgate.testing;

import io.quarkus.runtime.configuration.MemorySize;
import io.synthgate.replica.Replica;
import io.synthgate.spool.Spool;
import io.synthgate.spool.SpoolConfig;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;

/** Real spools on a test folder, for tests that run without the application. */
public final class TestSpools {

    /** The replica test spools belong to. */
    public static final Replica REPLICA = new Replica("test", Duration.ofMinutes(1));

    private TestSpools() {
    }

    /** A spool at {@code root} that keeps {@code minFreeBytes} free and reserves nothing for the pipeline. */
    public static Spool at(Path root, long minFreeBytes) {
        return new Spool(new SpoolConfig() {
            @Override
            public Path dir() {
                return root;
            }

            @Override
            public boolean fsync() {
                return false;
            }

            @Override
            public MemorySize minFreeSpace() {
                return new MemorySize(BigInteger.valueOf(minFreeBytes));
            }

            @Override
            public MemorySize pipelineReserve() {
                return new MemorySize(BigInteger.ZERO);
            }

            @Override
            public Duration recoveryInterval() {
                return Duration.ofMinutes(5);
            }
        }, REPLICA);
    }
}
