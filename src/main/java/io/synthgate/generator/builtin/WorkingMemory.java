package io.synthgate.generator.builtin;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.Locale;

/**
 * The heap the built-in inpainter may hold at once, shared by the image workers. Each fill reserves
 * its estimate before it allocates and waits while others hold too much, so that workers filling
 * large regions at the same time take turns instead of running the JVM out of memory together; a
 * fill larger than the whole share is refused at once, with the figures, since waiting cannot help it.
 * As a meter binder it shows both figures, so an admin can see fills queueing for memory.
 */
public final class WorkingMemory implements MeterBinder {

    private final long capacity;
    private long reserved;

    /** @param capacity bytes the inpainter's fills may hold together */
    public WorkingMemory(long capacity) {
        if (capacity <= 0) {
            throw new IllegalArgumentException("The inpainter's working memory must be positive, not " + capacity);
        }
        this.capacity = capacity;
    }

    /** Room for a fill's {@code bytes}, once the fills running now leave it; close it when the fill is done. */
    Reservation reserve(long bytes) throws InterruptedException {
        if (bytes > capacity) {
            throw new InpaintingTooLargeException(bytes, capacity);
        }
        synchronized (this) {
            while (reserved + bytes > capacity) {
                wait();
            }
            reserved += bytes;
        }
        return new Reservation(bytes);
    }

    /** Bytes the fills running now hold. */
    synchronized long reserved() {
        return reserved;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("synthgate.builtin.working.memory", this, WorkingMemory::reserved).tag("state", "reserved")
                .baseUnit("bytes").description("Heap the built-in inpainter's running fills have reserved").register(registry);
        Gauge.builder("synthgate.builtin.working.memory", this, memory -> memory.capacity).tag("state", "capacity")
                .baseUnit("bytes").description("Heap the built-in inpainter's fills may reserve together").register(registry);
    }

    private synchronized void release(long bytes) {
        reserved -= bytes;
        notifyAll();
    }

    static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%d MB", (bytes + (1 << 20) - 1) >> 20);
    }

    /** A fill's share of the working memory, given back once when closed. */
    final class Reservation implements AutoCloseable {

        private long bytes;

        private Reservation(long bytes) {
            this.bytes = bytes;
        }

        @Override
        public void close() {
            if (bytes > 0) {
                release(bytes);
                bytes = 0;
            }
        }
    }
}
