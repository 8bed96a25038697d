package io.synthgate.wrap;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.synthgate.deid.DeidService;
import io.synthgate.deid.DeidentifiedSource;
import io.synthgate.dicom.UnsupportedSourceException;
import io.synthgate.generator.GenerateStep;
import io.synthgate.image.DecodedSource;
import io.synthgate.image.FrameStack;
import io.synthgate.image.PixelDecoder;
import io.synthgate.image.SourceImage;
import io.synthgate.masking.MaskStep;
import io.synthgate.pipeline.Experiment;
import io.synthgate.study.SourceInstance;
import io.synthgate.testing.Corpus;
import io.synthgate.testing.Dciodvfy;
import io.synthgate.testing.TestExperiments;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Every synthetic object written from the whole corpus passes dciodvfy (Debian dicom3tools) with no
 * error but the one this release cannot help: it predates DICOM 2024b and calls Synthetic Data
 * (0008,001C) unrecognised.
 */
@QuarkusTest
class SyntheticObjectValidityTest {

    private static final int MINIMUM_VALIDATED = 30;
    /** SC_rgb_rle_2frame and rtdose decode to stacks a multi-frame Secondary Capture holds. */
    private static final int MINIMUM_STACKS = 1;
    private static final Experiment EXPERIMENT = TestExperiments.named("test").mask("rectangle 40% 40% 20% 20%").build();

    @Inject
    DeidService deid;
    @Inject
    PixelDecoder decoder;
    @Inject
    MaskStep mask;
    @Inject
    GenerateStep generate;
    @Inject
    SyntheticObjectWriter writer;

    @Test
    void dciodvfyReportsNoErrorOnAnyObjectWrittenFromTheCorpus() throws Exception {
        List<String> errors = new ArrayList<>();
        List<String> validated = new ArrayList<>();
        List<String> stacks = new ArrayList<>();
        for (SourceInstance instance : Corpus.instances()) {
            SyntheticObject written;
            try {
                DeidentifiedSource source = deid.deidentify(instance);
                DecodedSource decoded = decoder.decode(source);
                if (decoded instanceof FrameStack stack) {
                    written = writer.writeStack(UUID.randomUUID(), "validity", generate.generate(mask.apply(stack, EXPERIMENT, null),
                            EXPERIMENT, UUID.randomUUID(), null));
                    stacks.add(instance.file().getFileName().toString());
                } else {
                    written = writer.write(UUID.randomUUID(), "validity", generate.generate(
                            mask.apply((SourceImage) decoded, EXPERIMENT, null), EXPERIMENT, UUID.randomUUID(), null));
                }
            } catch (UnsupportedSourceException notAnImageSynthGateTakes) {
                continue;
            }
            for (String line : Dciodvfy.unexpectedErrors(written.file())) {
                errors.add(instance.file().getFileName() + ": " + line);
            }
            validated.add(instance.file().getFileName().toString());
        }
        assertTrue(validated.size() >= MINIMUM_VALIDATED, "only " + validated.size() + " objects validated: " + validated);
        assertTrue(stacks.size() >= MINIMUM_STACKS, "only " + stacks.size() + " multi-frame objects validated: " + stacks);
        assertTrue(errors.isEmpty(), String.join("\n", errors));
    }
}
