package io.synthgate.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Kappa on textbook tables: the values by hand, from Cohen (1960) and Fleiss (1971). */
class AgreementTest {

    @Test
    void twoReadersOnEveryCandidateGiveCohensKappa() {
        // a approves 5 of 10, b approves 5; they agree on 8: observed 0.8, chance 0.5, kappa 0.6
        String a = "AAAAARRRRR";
        String b = "AAAARARRRR";
        List<Map<String, String>> candidates = new ArrayList<>();
        for (int i = 0; i < a.length(); i++) {
            candidates.add(candidate(Map.of("a", verdict(a.charAt(i)), "b", verdict(b.charAt(i)))));
        }

        Agreement agreement = Agreement.of(candidates).orElseThrow();

        assertEquals("Cohen's kappa", agreement.measure());
        assertEquals(0.6, agreement.kappa(), 1e-9);
        assertEquals(0.8, agreement.observed(), 1e-9);
        assertEquals("Cohen's kappa 0.60 (observed agreement 80%, 10 images, 2 readers each)", agreement.describe());
    }

    @Test
    void threeReadersGiveFleissKappa() {
        // approvals per candidate 3, 0, 2, 1 of 3: mean pair agreement 2/3, chance 1/2, kappa 1/3
        List<Map<String, String>> candidates = List.of(
                candidate(Map.of("a", "APPROVED", "b", "APPROVED", "c", "APPROVED")),
                candidate(Map.of("a", "REJECTED", "b", "REJECTED", "c", "REJECTED")),
                candidate(Map.of("a", "APPROVED", "b", "APPROVED", "c", "REJECTED")),
                candidate(Map.of("a", "REJECTED", "d", "APPROVED", "c", "REJECTED")),
                candidate(Map.of("a", "APPROVED")));

        Agreement agreement = Agreement.of(candidates).orElseThrow();

        assertEquals("Fleiss' kappa", agreement.measure());
        assertEquals(1.0 / 3, agreement.kappa(), 1e-9);
        assertEquals(4, agreement.candidates(), "the candidate with one verdict does not count");
        assertEquals(3, agreement.readersPerCandidate());
    }

    @Test
    void kappaIsUndefinedWhenEveryVerdictIsTheSameAndAbsentWithoutPairs() {
        Agreement unanimous = Agreement.of(List.of(candidate(Map.of("a", "APPROVED", "b", "APPROVED")),
                candidate(Map.of("a", "APPROVED", "b", "APPROVED")))).orElseThrow();
        assertTrue(Double.isNaN(unanimous.kappa()));
        assertTrue(unanimous.describe().contains("undefined (every verdict the same)"), unanimous.describe());

        assertTrue(Agreement.of(List.of(candidate(Map.of("a", "APPROVED", "b", "REJECTED")),
                candidate(Map.of("a", "APPROVED")))).isEmpty(), "one candidate with two verdicts is no agreement");
    }

    private static String verdict(char letter) {
        return letter == 'A' ? "APPROVED" : "REJECTED";
    }

    private static Map<String, String> candidate(Map<String, String> readings) {
        return readings;
    }
}
