package io.synthgate.readerstudy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Each reader reads a set in an order of their own, the same whenever they come back to it. */
class ReaderOrderTest {

    private static final UUID SET = UUID.fromString("3f1c2b9e-5d1a-4c9e-9b7a-0c2d4e6f8a10");
    private static final List<UUID> ITEMS = IntStream.range(0, 20).mapToObj(i -> new UUID(0, i)).toList();

    @Test
    void eachReaderHasAnOrderOfTheirOwnThatStays() {
        List<UUID> rita = ReaderStudies.readerOrder(ITEMS, SET, "rita");
        List<UUID> rob = ReaderStudies.readerOrder(ITEMS, SET, "rob");

        assertEquals(new HashSet<>(ITEMS), new HashSet<>(rita), "every image, once");
        assertEquals(ITEMS.size(), rita.size());
        assertNotEquals(rita, rob);
        assertNotEquals(ITEMS, rita, "not the order the set was built in, which groups originals and candidates");
        assertEquals(rita, ReaderStudies.readerOrder(ITEMS, SET, "rita"), "the same when rita comes back");
        assertNotEquals(rita, ReaderStudies.readerOrder(ITEMS, UUID.randomUUID(), "rita"), "another set, another order");
    }
}
