package io.synthgate.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synthgate.pixels.ImageDescription;
import org.junit.jupiter.api.Test;

class PromptTemplateTest {

    private static final ImageDescription KNEE = new ImageDescription("CR", "KNEE", "L", "1", null, null, null, null, null, null);

    @Test
    void placeholdersComeFromTheImageDescription() throws Exception {
        assertEquals("An X-ray of knee", PromptTemplate.expand("An X-ray of {bodyPart}", KNEE));
        assertEquals("CR of the left knee", PromptTemplate.expand("{modality} of the {laterality} {bodyPart}", KNEE));
    }

    @Test
    void aMissingBodyPartTakesTheTemplatesDefaultOrCannotBePrompted() throws Exception {
        ImageDescription unknown = new ImageDescription("DX", null, null, null, null, null, null, null, null, null);
        assertEquals("An X-ray of a knee", PromptTemplate.expand("An X-ray of {bodyPart|a knee}", unknown));
        assertEquals("An X-ray of knee", PromptTemplate.expand("An X-ray of {bodyPart|a hand}", KNEE));
        assertEquals("the X-ray", PromptTemplate.expand("the {laterality} X-ray", unknown));
        assertEquals("the same X-ray", PromptTemplate.expand("the same {bodyPart|} X-ray", unknown), "an empty default");
        PromptTemplate.MissingValueException missing = assertThrows(PromptTemplate.MissingValueException.class,
                () -> PromptTemplate.expand("An X-ray of {bodyPart}", unknown));
        assertTrue(missing.getMessage().contains("{bodyPart|knee}"), missing.getMessage());
    }

    @Test
    void checkingATemplateNeedsNoImage() {
        PromptTemplate.check("An X-ray of {bodyPart} in {modality}");
        PromptTemplate.check("An X-ray of {bodyPart|a knee}");
        assertThrows(IllegalArgumentException.class, () -> PromptTemplate.check("An X-ray of {patientName|x}"));
    }

    @Test
    void anUnknownPlaceholderIsAConfigurationError() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> PromptTemplate.expand("An X-ray of {patientName}", KNEE));
        assertEquals(true, error.getMessage().contains("{patientName}"));
    }
}
