package io.synthgate.generator.builtin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/** Fills that would not fit together take turns; one that could never fit is refused at once. */
class WorkingMemoryTest {

    private static final long MB = 1 << 20;

    @Test
    void aSecondFillWaitsUntilTheFirstGivesItsShareBack() throws Exception {
        WorkingMemory memory = new WorkingMemory(100 * MB);
        WorkingMemory.Reservation first = memory.reserve(60 * MB);
        CompletableFuture<WorkingMemory.Reservation> second = CompletableFuture.supplyAsync(() -> {
            try {
                return memory.reserve(60 * MB);
            } catch (InterruptedException interrupted) {
                throw new IllegalStateException(interrupted);
            }
        });
        assertThrows(TimeoutException.class, () -> second.get(300, TimeUnit.MILLISECONDS));
        assertEquals(60 * MB, memory.reserved());
        first.close();
        second.get(5, TimeUnit.SECONDS).close();
        assertEquals(0, memory.reserved());
    }

    @Test
    void fillsThatFitTogetherRunTogether() throws Exception {
        WorkingMemory memory = new WorkingMemory(100 * MB);
        try (WorkingMemory.Reservation first = memory.reserve(40 * MB);
                WorkingMemory.Reservation second = memory.reserve(60 * MB)) {
            assertEquals(100 * MB, memory.reserved());
        }
        assertEquals(0, memory.reserved());
    }

    @Test
    void aFillLargerThanAllOfItIsRefusedWithoutWaiting() throws Exception {
        WorkingMemory memory = new WorkingMemory(100 * MB);
        try (WorkingMemory.Reservation busy = memory.reserve(90 * MB)) {
            InpaintingTooLargeException refused = assertThrows(InpaintingTooLargeException.class,
                    () -> memory.reserve(101 * MB));
            assertTrue(refused.getMessage().contains("about 101 MB"), refused.getMessage());
            assertTrue(refused.getMessage().contains("100 MB of working memory"), refused.getMessage());
        }
    }

    @Test
    void closingTwiceGivesTheShareBackOnce() throws Exception {
        WorkingMemory memory = new WorkingMemory(100 * MB);
        WorkingMemory.Reservation held = memory.reserve(30 * MB);
        try (WorkingMemory.Reservation other = memory.reserve(20 * MB)) {
            held.close();
            held.close();
            assertEquals(20 * MB, memory.reserved());
            assertFalse(memory.reserved() < 0);
        }
    }
}
