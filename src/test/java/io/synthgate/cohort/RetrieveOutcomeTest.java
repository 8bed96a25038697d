package io.synthgate.cohort;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class RetrieveOutcomeTest {

    @Test
    void onlySuccessWithEveryInstanceSentAndNoneFailedIsComplete() {
        assertTrue(new RetrieveOutcome(0x0000, 3, 0, 0, List.of(), "", null).complete());
        assertNull(new RetrieveOutcome(0x0000, 3, 0, 0, List.of(), "", null).failure());
        assertFalse(new RetrieveOutcome(0xB000, 2, 1, 0, List.of("1.2.3"), "", null).complete());
        assertFalse(new RetrieveOutcome(0x0000, 0, 0, 0, List.of(), "", null).complete(), "nothing came");
        assertFalse(RetrieveOutcome.broken("cannot connect").complete());
    }

    @Test
    void aFailureSaysTheStatusWhatItMeansAndTheCounts() {
        assertEquals("status 0xB000 (some sub-operations failed): 2 instances sent, 1 failed",
                new RetrieveOutcome(0xB000, 2, 1, 0, List.of("1.2.3"), "", null).failure());
        assertEquals("status 0xA801 (move destination unknown: the PACS does not know SynthGate's AE title; the PACS"
                + " says \"no such AE\"): 0 instances sent, 0 failed",
                new RetrieveOutcome(0xA801, 0, 0, 0, List.of(), "no such AE", null).failure());
        assertEquals("the PACS answered success but sent no instance",
                new RetrieveOutcome(0x0000, 0, 0, 0, List.of(), "", null).failure());
        assertEquals("cannot connect", RetrieveOutcome.broken("cannot connect").failure());
        assertEquals("none", RetrieveOutcome.broken("cannot connect").statusHex());
    }
}
