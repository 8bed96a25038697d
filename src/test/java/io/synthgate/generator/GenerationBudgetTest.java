package io.synthgate.generator;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.synthgate.masking.MaskedImage;
import io.synthgate.pipeline.Experiment;
import io.synthgate.testing.CorpusImages;
import io.synthgate.testing.GeneratorWireMock;
import io.synthgate.testing.TestExperiments;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The experiment "budgeted" may ask for 2 images a day ({@link GeneratorWireMock} configures it). */
@QuarkusTest
@WithTestResource(GeneratorWireMock.class)
class GenerationBudgetTest {

    @Inject
    GenerationBudget budget;
    @Inject
    CorpusImages corpus;
    @Inject
    GenerateStep generate;

    @Test
    void reservationsStopAtTheDailyLimitAndReleasedImagesCanBeUsedAgain() {
        Experiment budgeted = TestExperiments.named("budgeted").imagesPerDay(2).build();
        assertTrue(budget.reserve(budgeted, 1));
        assertTrue(budget.reserve(budgeted, 1));
        assertFalse(budget.reserve(budgeted, 1), "the third image of the day is over budget");
        budget.release(budgeted, 1);
        assertTrue(budget.reserve(budgeted, 1), "a refused or failed call gives its image back");
        assertFalse(budget.reserve(budgeted, 3), "more than the whole limit never fits");
        budget.release(budgeted, 2);
    }

    @Test
    void theGenerateStepStopsCleanlyWhenTheBudgetIsSpent() throws Exception {
        MaskedImage masked = corpus.masked("CT_small.dcm", "rectangle 25% 25% 50% 50%");

        Experiment oneADay = TestExperiments.named("one-a-day").generator("builtin").imagesPerDay(1).build();
        generate.generate(masked, oneADay, UUID.randomUUID(), null);
        UUID secondJob = UUID.randomUUID();
        GenerationRefusedException spent = assertThrows(GenerationRefusedException.class,
                () -> generate.generate(masked, oneADay, secondJob, null));

        assertTrue(spent.getMessage().contains("spent its budget of 1 images")
                && spent.getMessage().contains("/api/jobs/" + secondJob + "/retry"), spent.getMessage());
    }

    @Test
    void anExperimentWithoutBudgetIsUnlimited() {
        assertTrue(budget.reserve(TestExperiments.named("inpaint").build(), 1_000_000));
    }
}
