package io.synthgate.wrap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.SequenceAttribute;
import com.pixelmed.dicom.TagFromName;
import io.quarkus.test.junit.QuarkusTest;
import io.synthgate.generator.GenerateStep;
import io.synthgate.generator.GeneratedImage;
import io.synthgate.masking.MaskedImage;
import io.synthgate.pipeline.Experiment;
import io.synthgate.pipeline.GenerationOperation;
import io.synthgate.testing.CorpusImages;
import io.synthgate.testing.Dciodvfy;
import io.synthgate.testing.DicomImages;
import io.synthgate.testing.TestExperiments;
import io.synthgate.testing.TestFiles;
import jakarta.inject.Inject;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Outpainting grows the canvas: the mammogram of the corpus (1318x788, Imager Pixel Spacing 0.085 mm)
 * extended by 10% of its rows at the top and at the bottom keeps every source pixel exactly, one
 * grid and one spacing, and records where the source lies.
 */
@QuarkusTest
class OutpaintedObjectTest {

    private static final String MAMMOGRAM = "OutOfBoundsOverlay.dcm";
    private static final AttributeTag SOURCE_REGION = new AttributeTag(0x0099, 0x100F);

    @Inject
    CorpusImages corpus;
    @Inject
    GenerateStep generate;
    @Inject
    SyntheticObjectWriter writer;

    private static final Experiment OUTPAINT = TestExperiments.named("test").generator("builtin")
            .operation(GenerationOperation.OUTPAINT).mask("extend top 10% bottom 10%").build();

    @Test
    void theSourceKeepsEveryPixelOnTheGrownCanvasAndTheBorderIsPainted() throws Exception {
        MaskedImage input = corpus.masked(TestFiles.shared("fo-dicom/" + MAMMOGRAM), "extend top 10% bottom 10%");
        assertEquals(79, input.growth().top());
        assertEquals(79, input.growth().bottom());
        GeneratedImage generated = generate.generate(input, OUTPAINT, UUID.randomUUID(), null);
        assertFalse(generated.metrics().compared(), "the border has no original to compare with");
        assertEquals(0, generated.metrics().maxAbsoluteDifferenceOutsideMask());

        SyntheticObject written = writer.write(UUID.randomUUID(), "outpaint-test", generated);
        DicomImages.Image output = DicomImages.read(written.file());
        DicomImages.Image source = DicomImages.read(input.source().source().file());
        assertEquals(788 + 2 * 79, output.rows());
        assertEquals(1318, output.columns());
        for (int row = 0; row < source.rows(); row++) {
            for (int column = 0; column < source.columns(); column++) {
                if (!output.inLabel(column, row + 79)) {
                    assertEquals(source.at(column, row), output.at(column, row + 79),
                            "source pixel (" + column + "," + row + ")");
                }
            }
        }
        Set<Integer> painted = new HashSet<>();
        for (int column = 0; column < output.columns(); column++) {
            painted.add(output.at(column, 0));
            painted.add(output.at(column, output.rows() - 1));
        }
        assertTrue(painted.size() > 10, "the new border carries structure, not one flat value: " + painted.size());

        AttributeList header = new AttributeList();
        header.read(written.file().toFile(), TagFromName.PixelData);
        assertEquals("0.085\\0.085", Attribute.getDelimitedStringValuesOrEmptyString(header, TagFromName.PixelSpacing));
        assertArrayEquals(new int[] {0, 79, 1318, 788}, Attribute.getIntegerValues(header, SOURCE_REGION));
        assertEquals("OUTPAINT", Attribute.getStringValues(header, TagFromName.ImageType)[3]);
        SequenceAttribute sources = (SequenceAttribute) header.get(TagFromName.SourceImageSequence);
        assertEquals("NO", Attribute.getSingleStringValueOrEmptyString(sources.getItem(0).getAttributeList(),
                TagFromName.SpatialLocationsPreserved), "the source moved down by 79 rows");
        assertEquals(List.of(), Dciodvfy.unexpectedErrors(written.file()));
    }

    @Test
    void onlyOutpaintingGrowsTheCanvasAndOutpaintingNeedsAGrowth() throws Exception {
        MaskedImage grown = corpus.masked(TestFiles.shared("fo-dicom/" + MAMMOGRAM), "extend left 32");
        IllegalArgumentException inpaint = assertThrows(IllegalArgumentException.class, () -> generate.generate(grown,
                TestExperiments.generating("builtin"), UUID.randomUUID(), null));
        assertTrue(inpaint.getMessage().contains("only the operation OUTPAINT"), inpaint.getMessage());

        MaskedImage rectangle = corpus.masked(TestFiles.shared("fo-dicom/" + MAMMOGRAM), "rectangle 10 10 50 50");
        IllegalArgumentException outpaint = assertThrows(IllegalArgumentException.class, () -> generate.generate(
                rectangle, OUTPAINT, UUID.randomUUID(), null));
        assertTrue(outpaint.getMessage().contains("needs a mask that grows the canvas"), outpaint.getMessage());
    }
}
