package io.synthgate.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.synthgate.masking.MaskedImage;
import io.synthgate.testing.CorpusImages;
import io.synthgate.testing.TestExperiments;
import io.synthgate.testing.UltrasoundObjects;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Images that may carry burned-in text never reach a generator that sends pixels off site. */
@QuarkusTest
class BurnedInTextGuardTest {

    @Inject
    CorpusImages corpus;
    @Inject
    GenerateStep generate;
    @Inject
    OffSiteProbeGenerator probe;

    @Test
    void secondaryCaptureIsRefusedBeforeAnyPixelIsSentOffSite() throws Exception {
        MaskedImage screenshot = masked("SC_rgb_small_odd.dcm");
        int before = probe.calls();
        GenerationRefusedException refusal = assertThrows(GenerationRefusedException.class,
                () -> generate.generate(screenshot, TestExperiments.generating(OffSiteProbeGenerator.NAME), UUID.randomUUID(), null));
        assertTrue(refusal.getMessage().contains("may carry burned-in text, since it is a Secondary Capture (SOP Class "
                + "1.2.840.10008.5.1.4.1.1.7)"), refusal.getMessage());
        assertEquals(before, probe.calls(), "the off-site generator must not have been called");
    }

    @Test
    void theSameImageMayUseTheBuiltInGeneratorThatRunsHere() throws Exception {
        GeneratedImage generated = generate.generate(masked("SC_rgb_small_odd.dcm"), TestExperiments.generating("builtin"), UUID.randomUUID(), null);
        assertEquals(0, generated.metrics().maxAbsoluteDifferenceOutsideMask());
    }

    @Test
    void aCtSliceMayGoToAnOffSiteGenerator() throws Exception {
        int before = probe.calls();
        assertThrows(GenerationRefusedException.class, () -> generate.generate(masked("CT_small.dcm"), TestExperiments.generating(OffSiteProbeGenerator.NAME), UUID.randomUUID(), null),
                "the probe answers ERROR, which the step reports");
        assertEquals(before + 1, probe.calls(), "a CT slice passes the burned-in text rule");
    }

    @Test
    void anUltrasoundWhoseTextAPixelCleaningRuleBlankedMayGoToAnOffSiteGenerator() throws Exception {
        MaskedImage cleaned = corpus.masked(UltrasoundObjects.write(Files.createTempFile("us", ".dcm"),
                "SynthGate Test Sono", 48, 64), "rectangle 25% 25% 50% 50%");
        int before = probe.calls();
        assertThrows(GenerationRefusedException.class, () -> generate.generate(cleaned, TestExperiments.generating(OffSiteProbeGenerator.NAME), UUID.randomUUID(), null), "the probe answers ERROR, which the step reports");
        assertEquals(before + 1, probe.calls(), "the cleaned ultrasound passes the burned-in text rule");
    }

    @Test
    void anUltrasoundNoRuleCoversIsRefused() throws Exception {
        MaskedImage uncleaned = corpus.masked(UltrasoundObjects.write(Files.createTempFile("us", ".dcm"),
                "Another Vendor", 48, 64), "rectangle 25% 25% 50% 50%");
        int before = probe.calls();
        GenerationRefusedException refusal = assertThrows(GenerationRefusedException.class,
                () -> generate.generate(uncleaned, TestExperiments.generating(OffSiteProbeGenerator.NAME), UUID.randomUUID(), null));
        assertTrue(refusal.getMessage().contains("no pixel-cleaning rule covers it"), refusal.getMessage());
        assertEquals(before, probe.calls());
    }

    private MaskedImage masked(String pydicomFile) throws Exception {
        return corpus.masked(pydicomFile, "rectangle 25% 25% 50% 50%");
    }
}
