package io.synthgate.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class CpuPermitsTest {

    @Test
    void theOldestTaskIsServedFirstWhateverOrderTheirThreadsStartIn() throws Exception {
        CpuPermits permits = new CpuPermits(1);
        List<String> order = new CopyOnWriteArrayList<>();
        Hold first = new Hold(permits);
        Runnable older = permits.ticketed(() -> order.add("older"));
        Runnable newer = permits.ticketed(() -> order.add("newer"));
        Thread firstThread = first.start();
        Thread newerThread = start(newer);
        awaitWaiting(newerThread);
        Thread olderThread = start(older);
        awaitWaiting(olderThread);
        first.letGo();
        for (Thread thread : List.of(firstThread, newerThread, olderThread)) {
            thread.join(5000);
        }
        assertEquals(List.of("older", "newer"), order);
    }

    @Test
    void aTaskWaitingOutsideTheProcessorLetsTheNextOneCompute() throws Exception {
        CpuPermits permits = new CpuPermits(1);
        CountDownLatch waiting = new CountDownLatch(1);
        CountDownLatch answer = new CountDownLatch(1);
        List<String> order = new CopyOnWriteArrayList<>();
        Runnable caller = permits.ticketed(() -> {
            String reply = CpuPermits.whileWaiting(() -> {
                assertFalse(CpuPermits.held(), "no permit is held while waiting");
                waiting.countDown();
                await(answer);
                return "reply";
            });
            assertTrue(CpuPermits.held(), "the permit is taken back after the wait");
            order.add("caller read the " + reply);
        });
        Runnable next = permits.ticketed(() -> {
            order.add("next computed");
            answer.countDown();
        });
        Thread callerThread = start(caller);
        assertTrue(waiting.await(5, TimeUnit.SECONDS));
        Thread nextThread = start(next);
        callerThread.join(5000);
        nextThread.join(5000);
        assertEquals(List.of("next computed", "caller read the reply"), order);
    }

    @Test
    void outsideTheImageWorkersAWaitIsJustRun() throws Exception {
        assertFalse(CpuPermits.held());
        assertEquals("answer", CpuPermits.whileWaiting(() -> "answer"));
        assertThrows(java.io.IOException.class, () -> CpuPermits.whileWaiting(() -> {
            throw new java.io.IOException("refused");
        }));
    }

    @Test
    void aTaskInterruptedWhileWaitingForAPermitStillRunsSoItsCallerIsNotLeftWaiting() throws Exception {
        CpuPermits permits = new CpuPermits(1);
        Hold hold = new Hold(permits);
        Thread holder = hold.start();
        CountDownLatch ran = new CountDownLatch(1);
        Thread interrupted = start(permits.ticketed(ran::countDown));
        awaitWaiting(interrupted);
        interrupted.interrupt();
        assertTrue(ran.await(5, TimeUnit.SECONDS), "the task ran without a permit");
        hold.letGo();
        holder.join(5000);
        CountDownLatch later = new CountDownLatch(1);
        start(permits.ticketed(later::countDown));
        assertTrue(later.await(5, TimeUnit.SECONDS), "the permit was not lost");
    }

    @Test
    void refusesZeroProcessors() {
        assertThrows(IllegalArgumentException.class, () -> new CpuPermits(0));
    }

    /** A task that takes the only permit and keeps it until let go. */
    private static final class Hold {

        private final CountDownLatch holding = new CountDownLatch(1);
        private final CountDownLatch release = new CountDownLatch(1);
        private final Runnable task;

        Hold(CpuPermits permits) {
            this.task = permits.ticketed(() -> {
                holding.countDown();
                await(release);
            });
        }

        /** Starts the task and returns once it holds the permit. */
        Thread start() throws InterruptedException {
            Thread thread = CpuPermitsTest.start(task);
            assertTrue(holding.await(5, TimeUnit.SECONDS), "the task took the permit");
            return thread;
        }

        void letGo() {
            release.countDown();
        }
    }

    private static void awaitWaiting(Thread thread) throws InterruptedException {
        for (int i = 0; i < 500 && thread.getState() != Thread.State.WAITING; i++) {
            Thread.sleep(10);
        }
        assertEquals(Thread.State.WAITING, thread.getState(), thread.getName() + " waits for a permit");
    }

    private static Thread start(Runnable task) {
        Thread thread = new Thread(task);
        thread.start();
        return thread;
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
