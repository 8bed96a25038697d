package io.synthgate.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A candidate is decided once all its readers have spoken, by the majority; a tie keeps it out. */
class CandidateVerdictTest {

    @Test
    void theMajorityDecidesOnceEveryReaderHasAndATieRejects() {
        assertTrue(verdict(3, "APPROVED", "APPROVED").decision().isEmpty(), "the third reader has not decided");
        assertEquals(Optional.of("APPROVED"), verdict(3, "APPROVED", "REJECTED", "APPROVED").decision());
        assertEquals(Optional.of("REJECTED"), verdict(2, "APPROVED", "REJECTED").decision());
        assertEquals(Optional.of("REJECTED"), verdict(1, "REJECTED").decision());
    }

    @Test
    void theGradeIsTheMeanOfThoseGiven() {
        CandidateVerdict verdict = new CandidateVerdict(List.of(reading("APPROVED", 4), reading("APPROVED", 5),
                reading("REJECTED", null)), 3);
        assertEquals(Optional.of(4.5), verdict.meanGrade());
    }

    private static CandidateVerdict verdict(int readers, String... decisions) {
        return new CandidateVerdict(Arrays.stream(decisions).map(d -> reading(d, null)).toList(), readers);
    }

    private static ReviewDecision reading(String decision, Integer grade) {
        return new ReviewDecision(UUID.randomUUID(), "2.25.1", decision, grade, null, "reader", Instant.EPOCH);
    }
}
