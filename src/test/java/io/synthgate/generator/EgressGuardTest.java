package io.synthgate.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synthgate.pipeline.GenerationOperation;
import io.synthgate.testing.GeneratorRequests;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EgressGuardTest {

    @Test
    void plainPromptsFromThePaperPass() {
        for (String prompt : new String[] {"An X-ray of a knee", "An X-ray of the thoracic spine, lateral view",
                "the same chest X-ray with the marked element removed", "An X-ray of a hand, 1024x1024"}) {
            assertEquals(Optional.empty(), EgressGuard.check(GeneratorRequests.inpaint(prompt)), prompt);
        }
    }

    @Test
    void promptsThatLookLikePhiAreRefused() {
        for (String prompt : new String[] {"Knee of SMITH^ANNA", "Chest X-ray 20240315", "Chest X-ray 15/03/2024",
                "image 1.2.840.113619.2.55.3", "patient 0048213377", "MRN 482-133-77", "ask anna.smith@example.org",
                "see https://pacs.example.org/study"}) {
            Optional<String> reason = EgressGuard.check(GeneratorRequests.inpaint(prompt));
            assertTrue(reason.isPresent(), prompt);
        }
    }

    @Test
    void pixelsWithoutDeidentificationAreRefused() {
        GenerationRequest request = GeneratorRequests.request(GenerationOperation.INPAINT, "An X-ray of a knee",
                java.util.OptionalLong.empty(), 1, " ");
        assertEquals(Optional.of("its pixels do not come from a de-identified object"), EgressGuard.check(request));
    }
}
