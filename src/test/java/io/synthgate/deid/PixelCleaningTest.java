package io.synthgate.deid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.TagFromName;
import io.quarkus.test.junit.QuarkusTest;
import io.synthgate.image.FrameStack;
import io.synthgate.image.PixelDecoder;
import io.synthgate.image.SourceImage;
import io.synthgate.testing.Corpus;
import io.synthgate.testing.MultiFrameObjects;
import io.synthgate.testing.UltrasoundObjects;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The test profile's rule {@code test-sono-header} covers ultrasound from "SynthGate Test Sono" and
 * blanks the top 6 rows and the bottom-right tenth of each side.
 */
@QuarkusTest
class PixelCleaningTest {

    private static final int ROWS = 48;
    private static final int COLUMNS = 64;

    @Inject
    DeidService deid;
    @Inject
    PixelDecoder decoder;

    @Test
    void aCoveredUltrasoundLosesItsTextAndKeepsEveryOtherPixel() throws Exception {
        Path file = UltrasoundObjects.write(Files.createTempFile("us", ".dcm"), "SynthGate Test Sono Inc.", ROWS, COLUMNS);
        DeidentifiedSource source = deid.deidentify(Corpus.instance(file).orElseThrow());

        assertFalse(source.mayCarryBurnedInText(), "cleaned, so external generators may take it");
        assertEquals(List.of("test-sono-header"), source.pixelCleaningRules());
        assertTrue(source.deidentificationMethodCodes().stream().anyMatch(code -> code.value().equals("113101")),
                "Clean Pixel Data Option recorded: " + source.deidentificationMethodCodes());
        assertTrue(source.deidentificationMethod().contains("pixels cleaned by rule test-sono-header"),
                source.deidentificationMethod());
        AttributeList header = new AttributeList();
        header.read(source.file().toFile(), TagFromName.PixelData);
        assertEquals("NO", Attribute.getSingleStringValueOrEmptyString(header, TagFromName.BurnedInAnnotation));

        SourceImage image = (SourceImage) decoder.decode(source);
        byte[] samples = (byte[]) image.storedSamples();
        for (int y = 0; y < ROWS; y++) {
            for (int x = 0; x < COLUMNS; x++) {
                boolean blank = y < 6 || (x >= 58 && y >= 43);
                for (int s = 0; s < 3; s++) {
                    assertEquals(blank ? 0 : UltrasoundObjects.value(x, y, s), samples[(y * COLUMNS + x) * 3 + s] & 0xff,
                            "sample " + s + " at (" + x + "," + y + ")");
                }
            }
        }
    }

    @Test
    void anUltrasoundNoRuleCoversStaysFlaggedAndUntouched() throws Exception {
        Path file = UltrasoundObjects.write(Files.createTempFile("us", ".dcm"), "Another Vendor", ROWS, COLUMNS);
        DeidentifiedSource source = deid.deidentify(Corpus.instance(file).orElseThrow());

        assertEquals("its Burned In Annotation (0028,0301) is YES", source.burnedInTextRisk().orElseThrow());
        assertTrue(source.pixelCleaningRules().isEmpty());
        assertFalse(source.deidentificationMethodCodes().stream().anyMatch(code -> code.value().equals("113101")));
        byte[] samples = (byte[]) ((SourceImage) decoder.decode(source)).storedSamples();
        assertEquals(255, samples[0] & 0xff, "the burned-in text is still there");
    }

    @Test
    void aStackIsCleanedFrameByFrameAsItIsCopied() throws Exception {
        int frames = 3;
        Path file = MultiFrameObjects.write(Files.createTempFile("us-stack", ".dcm"), "2.25.707070", "2.25.707070.1",
                frames, ROWS, COLUMNS, "US", "SynthGate Test Sono");
        DeidentifiedSource source = deid.deidentify(Corpus.instance(file).orElseThrow());
        assertEquals(List.of("test-sono-header"), source.pixelCleaningRules());

        FrameStack stack = (FrameStack) decoder.decode(source);
        for (int f = 0; f < frames; f++) {
            short[] frame = (short[]) stack.frame(f).storedSamples();
            for (int y = 0; y < ROWS; y++) {
                for (int x = 0; x < COLUMNS; x++) {
                    boolean blank = y < 6 || (x >= 58 && y >= 43);
                    assertEquals(blank ? 0 : MultiFrameObjects.value(f, x, y), frame[y * COLUMNS + x],
                            "frame " + f + " at (" + x + "," + y + ")");
                }
            }
        }
    }
}
