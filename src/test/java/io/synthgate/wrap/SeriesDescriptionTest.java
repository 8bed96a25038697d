package io.synthgate.wrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synthgate.pipeline.GenerationOperation;
import org.junit.jupiter.api.Test;

/** A synthetic series says what it is in whole words, within Long String's 64 characters. */
class SeriesDescriptionTest {

    @Test
    void namesTheModelWhenItFits() {
        assertEquals("SYNTHETIC AI-INPAINT gpt-image-1 NOT FOR DIAGNOSIS",
                SyntheticObjectWriter.seriesDescription(GenerationOperation.INPAINT, "gpt-image-1"));
    }

    @Test
    void leavesOutAModelTooLongRatherThanCutTheWarning() {
        String description = SyntheticObjectWriter.seriesDescription(GenerationOperation.OUTPAINT, "stable-diffusion-xl-inpainting-1.0");
        assertEquals("SYNTHETIC AI-OUTPAINT NOT FOR DIAGNOSIS", description);
        for (GenerationOperation operation : GenerationOperation.values()) {
            String longest = SyntheticObjectWriter.seriesDescription(operation, "x".repeat(200));
            assertTrue(longest.length() <= 64 && longest.endsWith(" NOT FOR DIAGNOSIS"), longest);
        }
    }
}
