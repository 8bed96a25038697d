package io.synthgate.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.synthgate.pixels.ImageDescription;
import org.junit.jupiter.api.Test;

class PromptTemplateTest {

    private static final ImageDescription KNEE = new ImageDescription("CR", "KNEE", "L", "1", null, null, null, null, null, null);

    @Test
    void placeholdersComeFromTheImageDescription() {
        assertEquals("An X-ray of knee", PromptTemplate.expand("An X-ray of {bodyPart}", KNEE));
        assertEquals("CR of the left knee", PromptTemplate.expand("{modality} of the {laterality} {bodyPart}", KNEE));
    }

    @Test
    void aMissingBodyPartReadsNaturally() {
        ImageDescription unknown = new ImageDescription("DX", null, null, null, null, null, null, null, null, null);
        assertEquals("An X-ray of body part", PromptTemplate.expand("An X-ray of {bodyPart}", unknown));
        assertEquals("the X-ray", PromptTemplate.expand("the {laterality} X-ray", unknown));
    }

    @Test
    void anUnknownPlaceholderIsAConfigurationError() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> PromptTemplate.expand("An X-ray of {patientName}", KNEE));
        assertEquals(true, error.getMessage().contains("{patientName}"));
    }
}
