package io.synthgate.pipeline;

import java.util.PriorityQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The processors, shared out to image work: one permit per processor, held by an image worker while
 * it computes and given back while it waits (for a generator's answer, a free generator slot, a
 * peer's C-STORE), and granted to the oldest image first.
 *
 * <p>Why: with more image workers than processors (so that the next images are ready while the
 * generator slots are busy), every worker computing at once would finish all of them late, the
 * first as late as the last, and would starve the threads that feed the generators. Granting the
 * processors by image age prepares images in the order they are needed and finishes started ones
 * before new ones begin.
 *
 * <p>A worker's task takes a ticket when it is handed to the workers ({@link #ticketed}); code that
 * blocks on something other than the processor wraps the wait in {@link #whileWaiting}, which does
 * nothing on threads that hold no permit.
 */
public final class CpuPermits {

    private static final ThreadLocal<Holder> HELD = new ThreadLocal<>();

    private final AtomicLong tickets = new AtomicLong();
    private final PriorityQueue<Long> waiting = new PriorityQueue<>();
    private int free;

    /** The permits for {@code processors} processors. */
    public CpuPermits(int processors) {
        if (processors < 1) {
            throw new IllegalArgumentException("at least one processor is needed, not " + processors);
        }
        this.free = processors;
    }

    /** Something a thread waits for without using the processor. */
    @FunctionalInterface
    public interface Wait<T, E extends Exception> {
        T get() throws E;
    }

    /**
     * {@code task}, run holding a permit: its ticket is taken now, so tasks handed over earlier are
     * served first. The task always runs, without a permit if the wait for one is interrupted, so
     * that whoever waits for it (a route's split) is never left waiting.
     */
    public Runnable ticketed(Runnable task) {
        long ticket = tickets.incrementAndGet();
        return () -> {
            Holder holder = new Holder(this, ticket);
            boolean held = acquire(ticket);
            if (held) {
                HELD.set(holder);
            }
            try {
                task.run();
            } finally {
                if (HELD.get() == holder) {
                    HELD.remove();
                    release();
                }
            }
        };
    }

    /**
     * Runs {@code wait} without the calling thread's permit, if it holds one, and takes the permit
     * back afterwards in its ticket's turn.
     */
    public static <T, E extends Exception> T whileWaiting(Wait<T, E> wait) throws E {
        Holder holder = HELD.get();
        if (holder == null) {
            return wait.get();
        }
        HELD.remove();
        holder.permits.release();
        try {
            return wait.get();
        } finally {
            if (holder.permits.acquire(holder.ticket)) {
                HELD.set(holder);
            }
        }
    }

    /** Whether the calling thread holds a permit now. */
    static boolean held() {
        return HELD.get() != null;
    }

    /** Waits until {@code ticket} is the oldest waiting and a permit is free; false if interrupted first. */
    private synchronized boolean acquire(long ticket) {
        waiting.add(ticket);
        try {
            while (free == 0 || waiting.peek() != ticket) {
                wait();
            }
        } catch (InterruptedException e) {
            waiting.remove(ticket);
            notifyAll();
            Thread.currentThread().interrupt();
            return false;
        }
        waiting.poll();
        free--;
        notifyAll();
        return true;
    }

    private synchronized void release() {
        free++;
        notifyAll();
    }

    private record Holder(CpuPermits permits, long ticket) {
    }
}
