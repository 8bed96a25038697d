package io.synthgate.wrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.TagFromName;
import io.quarkus.test.junit.QuarkusTest;
import io.synthgate.deid.DeidService;
import io.synthgate.generator.GenerateStep;
import io.synthgate.generator.GeneratedStack;
import io.synthgate.image.FrameStack;
import io.synthgate.image.PixelDecoder;
import io.synthgate.masking.MaskStep;
import io.synthgate.masking.MaskedStack;
import io.synthgate.pipeline.Experiment;
import io.synthgate.testing.Corpus;
import io.synthgate.testing.Dciodvfy;
import io.synthgate.testing.MultiFrameObjects;
import io.synthgate.testing.TestExperiments;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A 16-bit multi-frame stack goes through the real steps frame by frame and comes out as one
 * Multi-frame Grayscale Word Secondary Capture that dciodvfy accepts, with every frame in order and
 * every pixel outside the mask and the label box equal to the source frame's.
 */
@QuarkusTest
class MultiFrameSyntheticObjectTest {

    private static final int FRAMES = 6;
    private static final int ROWS = 96;
    private static final int COLUMNS = 128;

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
    void aStackBecomesOneValidMultiFrameObjectWithEveryFrameKeptOutsideTheMask() throws Exception {
        Path file = MultiFrameObjects.write(Files.createTempFile("stack", ".dcm"), "2.25.4242", "2.25.4242.1", FRAMES, ROWS,
                COLUMNS);
        FrameStack stack = assertInstanceOf(FrameStack.class,
                decoder.decode(deid.deidentify(Corpus.instance(file).orElseThrow())));
        assertEquals(FRAMES, stack.frames());
        Experiment experiment = TestExperiments.named("stack").generator("builtin").mask("rectangle 40 30 32 24").build();
        MaskedStack masked = mask.apply(stack, experiment, null);

        GeneratedStack generated = generate.generate(masked, experiment, UUID.randomUUID(), null);
        SyntheticObject written = writer.writeStack(UUID.randomUUID(), "stack", generated);

        assertEquals(List.of(), Dciodvfy.unexpectedErrors(written.file()));
        assertTrue(Files.notExists(generated.frames()), "the temporary frames are gone once written");
        assertEquals(0, generated.metrics().maxAbsoluteDifferenceOutsideMask());
        AttributeList output = new AttributeList();
        output.read(written.file().toFile());
        assertEquals("1.2.840.10008.5.1.4.1.1.7.3", Attribute.getSingleStringValueOrNull(output, TagFromName.SOPClassUID));
        assertEquals(FRAMES, Attribute.getSingleIntegerValueOrDefault(output, TagFromName.NumberOfFrames, 0));
        short[] samples = output.getPixelData().getShortValues();
        int[] label = Attribute.getIntegerValues(output, new com.pixelmed.dicom.AttributeTag(0x0099, 0x100E));
        int offRampInsideMask = 0;
        for (int f = 0; f < FRAMES; f++) {
            for (int y = 0; y < ROWS; y++) {
                for (int x = 0; x < COLUMNS; x++) {
                    int value = samples[(f * ROWS + y) * COLUMNS + x] & 0xFFFF;
                    boolean inMask = x >= 40 && x < 72 && y >= 30 && y < 54;
                    boolean inLabel = label != null && x >= label[0] && x < label[0] + label[2] && y >= label[1]
                            && y < label[1] + label[3];
                    if (inMask) {
                        offRampInsideMask += Math.abs(value - MultiFrameObjects.value(f, x, y)) > 2 ? 1 : 0;
                    } else if (!inLabel) {
                        assertEquals(MultiFrameObjects.value(f, x, y), value, "frame " + f + " (" + x + "," + y + ")");
                    }
                }
            }
        }
        // Each frame is a linear ramp, which the built-in generator's biharmonic fill continues exactly.
        assertEquals(0, offRampInsideMask, "masked pixels off the ramp");
    }
}
