package io.synthgate.wrap;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.synthgate.deid.DeidService;
import io.synthgate.deid.DeidentifiedSource;
import io.synthgate.dicom.UnsupportedSourceException;
import io.synthgate.generator.GenerateStep;
import io.synthgate.mask.MaskStep;
import io.synthgate.pixels.PixelDecoder;
import io.synthgate.pixels.SourceImage;
import io.synthgate.study.SourceInstance;
import io.synthgate.testing.Corpus;
import io.synthgate.testing.Dciodvfy;
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
        for (SourceInstance instance : Corpus.instances()) {
            SourceImage image;
            try {
                DeidentifiedSource source = deid.deidentify(instance);
                image = decoder.decode(source);
            } catch (UnsupportedSourceException notAnImageSynthGateTakes) {
                continue;
            }
            SyntheticObject written = writer.write(UUID.randomUUID(), "validity",
                    generate.generate(mask.apply(image, "rectangle 40% 40% 20% 20%"), null, null, null, null,
                            null, "test", UUID.randomUUID()));
            for (String line : Dciodvfy.unexpectedErrors(written.file())) {
                errors.add(instance.file().getFileName() + ": " + line);
            }
            validated.add(instance.file().getFileName().toString());
        }
        assertTrue(validated.size() >= MINIMUM_VALIDATED, "only " + validated.size() + " objects validated: " + validated);
        assertTrue(errors.isEmpty(), String.join("\n", errors));
    }
}
