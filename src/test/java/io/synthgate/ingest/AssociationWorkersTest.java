package io.synthgate.ingest;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The worker slots: a caller arriving as an association ends is served, one finding all taken is refused. */
class AssociationWorkersTest {

    private final AssociationWorkers workers = new AssociationWorkers(1, Executors.defaultThreadFactory());
    private final CountDownLatch holding = new CountDownLatch(1);

    @AfterEach
    void stop() {
        holding.countDown();
        workers.stop(Duration.ofSeconds(5));
    }

    @Test
    void aCallerArrivingAsTheLastAssociationEndsIsServed() throws Exception {
        CountDownLatch served = new CountDownLatch(1);
        assertTrue(workers.serve(this::hold));
        new Thread(() -> {
            sleep(200);
            holding.countDown();
        }).start();
        assertTrue(workers.serve(served::countDown), "waits for the slot that frees within the grace");
        assertTrue(served.await(5, TimeUnit.SECONDS));
    }

    @Test
    void aCallerIsRefusedWhenNoSlotFreesWithinTheGrace() {
        assertTrue(workers.serve(this::hold));
        long start = System.nanoTime();
        assertFalse(workers.serve(() -> { }));
        long waited = System.nanoTime() - start;
        assertTrue(waited >= AssociationWorkers.HANDOVER_GRACE.toNanos(), "waited the grace: " + waited);
    }

    @Test
    void nothingIsServedOnceStopped() {
        workers.stop(Duration.ofSeconds(1));
        assertFalse(workers.serve(() -> { }));
    }

    private void hold() {
        try {
            holding.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
