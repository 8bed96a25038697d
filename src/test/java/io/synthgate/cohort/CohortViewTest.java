package io.synthgate.cohort;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CohortViewTest {

    @Test
    void aCohortIsSettledOnceItStopsWorkingAndNoneOfItsJobsIsOnItsWay() {
        assertFalse(cohort(CohortState.RETRIEVING, Map.of()).settled(), "still retrieving");
        assertFalse(cohort(CohortState.DONE, Map.of("EXPORTED", 2L, "PROCESSING", 1L)).settled(),
                "a job still running");
        assertFalse(cohort(CohortState.DONE, Map.of("ASSEMBLING", 1L)).settled(), "a study still arriving");
        assertTrue(cohort(CohortState.MATCHED, Map.of()).settled(), "waiting for an admin to retrieve");
        assertTrue(cohort(CohortState.DONE, Map.of("EXPORTED", 2L, "AWAITING_REVIEW", 1L)).settled(),
                "a review waits for a radiologist, not for the gateway");
        assertTrue(cohort(CohortState.CANCELLED, Map.of("FAILED", 1L)).settled());
    }

    private static CohortView cohort(CohortState state, Map<String, Long> jobs) {
        return new CohortView(UUID.randomUUID(), "clinical", state, null, "gateway-1", Map.of(), List.of(), 10, false,
                3, Map.of(), jobs, "ada", Instant.EPOCH, Instant.EPOCH, List.of());
    }
}
