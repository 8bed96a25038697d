package io.synthgate.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What a PACS's C-STORE answers say: which refusals mean it has no room, and how each is named. */
class StoreAnswersTest {

    private static final Path A = Path.of("a.dcm");
    private static final Path B = Path.of("b.dcm");

    @Test
    void refusalsForLackOfResourcesAloneMeanNoRoom() {
        assertTrue(new StoreAnswers(Set.of(A), Map.of(B, 0xA700)).outOfResources());
        assertTrue(new StoreAnswers(Set.of(), Map.of(A, 0xA701, B, 0xA7FF)).outOfResources());
    }

    @Test
    void anyOtherRefusalOrNoneAtAllIsNotLackOfRoom() {
        assertFalse(new StoreAnswers(Set.of(), Map.of(A, 0xA700, B, 0xC000)).outOfResources());
        assertFalse(new StoreAnswers(Set.of(), Map.of(A, 0xA900)).outOfResources());
        assertFalse(new StoreAnswers(Set.of(A), Map.of()).outOfResources(), "nothing refused, though one unanswered");
    }

    @Test
    void eachStatusIsNamedOnceInOrder() {
        assertEquals("0122 (Refused: SOP Class not supported) or A700 (Refused: Out of Resources) or C123 (Error: "
                + "Cannot understand)", new StoreAnswers(Set.of(), Map.of(A, 0xC123, B, 0xA700, Path.of("c"), 0x0122,
                        Path.of("d"), 0xA700)).refusals());
        assertEquals("A900 (Error: Data Set does not match SOP Class)",
                new StoreAnswers(Set.of(), Map.of(A, 0xA900)).refusals());
        assertEquals("FFFF (no status in the response)",
                new StoreAnswers(Set.of(), Map.of(A, StatusKeepingStorageScu.NO_STATUS)).refusals());
    }
}
