package io.synthgate.wrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.TagFromName;
import io.quarkus.test.junit.QuarkusTest;
import io.synthgate.deid.DeidService;
import io.synthgate.deid.DeidentifiedSource;
import io.synthgate.deid.OutputSeal;
import io.synthgate.generator.GenerateStep;
import io.synthgate.generator.GeneratedImage;
import io.synthgate.image.PixelDecoder;
import io.synthgate.image.SourceImage;
import io.synthgate.mask.MaskSpec;
import io.synthgate.masking.MaskedImage;
import io.synthgate.pipeline.Experiment;
import io.synthgate.pipeline.GenerationOperation;
import io.synthgate.pixels.PixelBox;
import io.synthgate.testing.Corpus;
import io.synthgate.testing.CorpusImages;
import io.synthgate.testing.Dciodvfy;
import io.synthgate.testing.DicomImages;
import io.synthgate.testing.TestExperiments;
import io.synthgate.testing.TestFiles;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Outpainting step by step, 10% upward each, with the built-in generator on the corpus's 440x440 chest
 * radiograph:
 * three steps in one job make one object that records every stage; sent back in, the object's seal
 * verifies, so it keeps its pseudonym and UIDs, its label is blanked and regenerated, and the next
 * job's object carries the earlier stages on. A copy changed by one pixel is any other object.
 */
@QuarkusTest
class ChainedOutpaintingTest {

    private static final Path RADIOGRAPH = TestFiles.shared("fo-dicom/CR-MONO1-10-chest.dcm");
    private static final String EXTEND = "extend top 10%";
    private static final Experiment THREE_STEPS = TestExperiments.named("chain").generator("builtin")
            .operation(GenerationOperation.OUTPAINT).mask(EXTEND).steps(3).build();
    private static final Experiment ONE_STEP = TestExperiments.named("chain").generator("builtin")
            .operation(GenerationOperation.OUTPAINT).mask(EXTEND).build();

    @Inject
    CorpusImages corpus;
    @Inject
    GenerateStep generate;
    @Inject
    SyntheticObjectWriter writer;
    @Inject
    DeidService deid;
    @Inject
    PixelDecoder decoder;

    @TempDir
    Path folder;

    @Test
    void threeStepsMakeOneObjectThatRecordsEveryStage() throws Exception {
        MaskedImage input = corpus.masked(RADIOGRAPH, EXTEND);
        GeneratedImage generated = generate.generate(input, THREE_STEPS, UUID.randomUUID(), null);

        // 440 rows, then 44, 48 (48.4 rounded) and 53 (53.2) added above.
        assertEquals(3, generated.steps().size());
        assertEquals(List.of(new PixelBox(0, 145, 440, 440), new PixelBox(0, 101, 440, 484), new PixelBox(0, 53, 440, 532),
                new PixelBox(0, 0, 440, 585)), generated.stages());
        assertEquals(0, generated.metrics().maxAbsoluteDifferenceOutsideMask());
        assertEquals(3, generated.steps().stream().map(GeneratedImage.Provenance::seed).distinct().count(),
                "each step from its own seed");

        SyntheticObject written = writer.write(UUID.randomUUID(), "chain", generated);
        DicomImages.Image output = DicomImages.read(written.file());
        DicomImages.Image source = DicomImages.read(input.source().source().file());
        assertEquals(585, output.rows());
        assertSourceKept(source, output, 145);
        AttributeList header = header(written.file());
        assertEquals(16, Attribute.getIntegerValues(header, OutputSeal.STAGES).length);
        assertEquals(3, Attribute.getStringValues(header, Provenance.element(0x19)).length, "the seed of every step");
        assertEquals(List.of(), Dciodvfy.unexpectedErrors(written.file()));
    }

    @Test
    void anOutputSentBackInIsRecognisedAndGrowsOnWithoutItsLabel() throws Exception {
        MaskedImage first = corpus.masked(RADIOGRAPH, EXTEND);
        SyntheticObject written = writer.write(UUID.randomUUID(), "chain",
                generate.generate(first, ONE_STEP, UUID.randomUUID(), null));
        AttributeList output = header(written.file());
        DicomImages.Image outputPixels = DicomImages.read(written.file());

        DeidentifiedSource back = deid.deidentify(Corpus.instance(written.file()).orElseThrow());
        assertTrue(back.sealedOutput().isPresent(), "recognised by its seal");
        assertFalse(back.mayCarryBurnedInText(), "its only burned-in text, the label, is blanked: " + back.burnedInTextRisk());
        assertEquals(Attribute.getSingleStringValueOrEmptyString(output, TagFromName.PatientID), back.patientPseudonym());
        assertEquals(written.sopInstanceUid().value(), back.sopInstanceUid(), "its UIDs are kept");
        PixelBox label = back.sealedOutput().get().label().orElseThrow();
        assertTrue(outputPixels.inLabel(label.column(), label.row()), "the label box the seal vouches for");
        DicomImages.Image blanked = DicomImages.read(back.file());
        int black = blanked.at(label.column(), label.row());
        for (int row = label.row(); row < label.row() + label.height(); row++) {
            for (int column = label.column(); column < label.column() + label.width(); column++) {
                assertEquals(black, blanked.at(column, row), "label pixel (" + column + "," + row + ") blanked");
            }
        }

        MaskedImage next = MaskedImage.of((SourceImage) decoder.decode(back), MaskSpec.parse(EXTEND));
        assertTrue(next.mask().isSet(label.column() + 1, label.row() + 48 + 1), "the old label is regenerated");
        assertFalse(next.comparable().isSet(label.column() + 1, label.row() + 48 + 1), "and never compared");
        GeneratedImage grown = generate.generate(next, ONE_STEP, UUID.randomUUID(), null);
        assertEquals(List.of(new PixelBox(0, 92, 440, 440), new PixelBox(0, 48, 440, 484),
                new PixelBox(0, 0, 440, 532)), grown.stages(), "the first job's stages, moved down, then this one's");
        SyntheticObject again = writer.write(UUID.randomUUID(), "chain", grown);
        DicomImages.Image twice = DicomImages.read(again.file());
        for (int row = 0; row < outputPixels.rows(); row++) {
            for (int column = 0; column < outputPixels.columns(); column++) {
                boolean oldLabel = outputPixels.inLabel(column, row);
                if (!oldLabel && !twice.inLabel(column, row + 48)) {
                    assertEquals(outputPixels.at(column, row), twice.at(column, row + 48), "(" + column + "," + row + ")");
                }
            }
        }
        AttributeList sourceReference = ((com.pixelmed.dicom.SequenceAttribute) header(again.file())
                .get(TagFromName.SourceImageSequence)).getItem(0).getAttributeList();
        assertEquals(written.sopInstanceUid().value(),
                Attribute.getSingleStringValueOrEmptyString(sourceReference, TagFromName.ReferencedSOPInstanceUID),
                "the next step references the object it grew");
        assertEquals(List.of(), Dciodvfy.unexpectedErrors(again.file()));
    }

    @Test
    void aChangedCopyIsDeidentifiedLikeAnyOtherObject() throws Exception {
        SyntheticObject written = writer.write(UUID.randomUUID(), "chain",
                generate.generate(corpus.masked(RADIOGRAPH, EXTEND), ONE_STEP, UUID.randomUUID(), null));
        Path changed = folder.resolve("changed.dcm");
        byte[] bytes = Files.readAllBytes(written.file());
        bytes[bytes.length - 2] ^= 1;
        Files.write(changed, bytes);

        DeidentifiedSource back = deid.deidentify(Corpus.instance(changed).orElseThrow());
        assertTrue(back.sealedOutput().isEmpty(), "one pixel changed: the seal does not verify");
        assertTrue(back.mayCarryBurnedInText(), "a Secondary Capture again: " + back.burnedInTextRisk());
        assertNotEquals(written.sopInstanceUid().value(), back.sopInstanceUid(), "pseudonymised again");
    }

    private static void assertSourceKept(DicomImages.Image source, DicomImages.Image output, int top) {
        for (int row = 0; row < source.rows(); row++) {
            for (int column = 0; column < source.columns(); column++) {
                if (!output.inLabel(column, row + top)) {
                    assertEquals(source.at(column, row), output.at(column, row + top), "(" + column + "," + row + ")");
                }
            }
        }
    }

    private static AttributeList header(Path file) throws Exception {
        AttributeList header = new AttributeList();
        header.read(file.toFile(), TagFromName.PixelData);
        return header;
    }
}
