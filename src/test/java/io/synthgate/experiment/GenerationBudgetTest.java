package io.synthgate.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.synthgate.testing.GeneratorWireMock;
import jakarta.inject.Inject;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** The experiment "budgeted" may ask for 2 images a day ({@link GeneratorWireMock} configures it). */
@QuarkusTest
@WithTestResource(GeneratorWireMock.class)
class GenerationBudgetTest {

    @Inject
    GenerationBudget budget;

    @Test
    void reservationsStopAtTheDailyLimitAndReleasedImagesCanBeUsedAgain() {
        assertEquals(OptionalInt.of(2), budget.limit("budgeted"));
        assertTrue(budget.reserve("budgeted", 1));
        assertTrue(budget.reserve("budgeted", 1));
        assertFalse(budget.reserve("budgeted", 1), "the third image of the day is over budget");
        budget.release("budgeted", 1);
        assertTrue(budget.reserve("budgeted", 1), "a refused or failed call gives its image back");
        assertFalse(budget.reserve("budgeted", 3), "more than the whole limit never fits");
        budget.release("budgeted", 2);
    }

    @Test
    void anExperimentWithoutBudgetIsUnlimited() {
        assertEquals(OptionalInt.empty(), budget.limit("inpaint"));
        assertTrue(budget.reserve("inpaint", 1_000_000));
    }
}
