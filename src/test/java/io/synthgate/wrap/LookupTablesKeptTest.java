package io.synthgate.wrap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.CodeStringAttribute;
import com.pixelmed.dicom.DecimalStringAttribute;
import com.pixelmed.dicom.FileMetaInformation;
import com.pixelmed.dicom.LongStringAttribute;
import com.pixelmed.dicom.OtherWordAttribute;
import com.pixelmed.dicom.SequenceAttribute;
import com.pixelmed.dicom.SequenceItem;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.dicom.TransferSyntax;
import com.pixelmed.dicom.UnsignedShortAttribute;
import io.quarkus.test.junit.QuarkusTest;
import io.synthgate.generator.GenerateStep;
import io.synthgate.pixels.ImageDescription;
import io.synthgate.testing.CorpusImages;
import io.synthgate.testing.Dciodvfy;
import io.synthgate.testing.TestExperiments;
import io.synthgate.testing.TestFiles;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A radiograph whose display goes through a VOI LUT Sequence, and one whose stored values mean
 * something only through a Modality LUT Sequence (the corpus's 10-bit chest radiograph with such
 * tables added): the synthetic copy keeps each table as it was, so its values keep their meaning
 * and show as the source's did, and dciodvfy accepts it.
 */
@QuarkusTest
class LookupTablesKeptTest {

    private static final int ENTRIES = 1024;
    private static final AttributeTag MODALITY_LUT_TYPE = new AttributeTag(0x0028, 0x3004);

    @Inject
    CorpusImages corpus;
    @Inject
    GenerateStep generate;
    @Inject
    SyntheticObjectWriter writer;

    @Test
    void aVoiLutSequenceAndItsFunctionAreKept() throws Exception {
        Path source = withTable(TagFromName.VOILUTSequence, "SIGMOID");
        AttributeList written = writeSyntheticCopy(source);
        assertArrayEquals(lutData(source, TagFromName.VOILUTSequence), lutData(written, TagFromName.VOILUTSequence));
        assertEquals("SIGMOID", Attribute.getSingleStringValueOrEmptyString(written, TagFromName.VOILUTFunction));
    }

    @Test
    void aModalityLutSequenceIsKeptInsteadOfARescale() throws Exception {
        Path source = withTable(ImageDescription.MODALITY_LUT_SEQUENCE, null);
        AttributeList written = writeSyntheticCopy(source);
        assertArrayEquals(lutData(source, ImageDescription.MODALITY_LUT_SEQUENCE),
                lutData(written, ImageDescription.MODALITY_LUT_SEQUENCE));
        assertNull(written.get(TagFromName.RescaleSlope), "a Modality LUT Sequence and a rescale exclude each other");
        assertEquals("OD", modalityLutType(written), "a defined term is no free text: de-identification keeps it");
    }

    @Test
    void aSourceWithBothARescaleAndAModalityLutGivesAnOutputWithTheTableOnly() throws Exception {
        Path source = withBoth(withTable(ImageDescription.MODALITY_LUT_SEQUENCE, null), "site gamma table");
        AttributeList written = writeSyntheticCopy(source);
        assertNotNull(written.get(ImageDescription.MODALITY_LUT_SEQUENCE));
        assertNull(written.get(TagFromName.RescaleSlope), "never both, which dciodvfy and viewers refuse");
        assertNull(written.get(TagFromName.RescaleIntercept));
        assertEquals("US", modalityLutType(written), "free text in the required Modality LUT Type becomes unspecified");
    }

    private AttributeList writeSyntheticCopy(Path source) throws Exception {
        SyntheticObject object = writer.write(UUID.randomUUID(), "lut-test", generate.generate(
                corpus.masked(source, "rectangle 40% 40% 20% 20%"), TestExperiments.generating("builtin"), UUID.randomUUID(),
                null));
        assertEquals(List.of(), Dciodvfy.unexpectedErrors(object.file()));
        return read(object.file());
    }

    /** The chest radiograph with a table of {@code ENTRIES} entries, a gamma curve over its 10 bits, added. */
    private static Path withTable(AttributeTag sequenceTag, String voiFunction) throws Exception {
        AttributeList list = read(TestFiles.shared("fo-dicom/CR-MONO1-10-chest.dcm"));
        AttributeList item = new AttributeList();
        UnsignedShortAttribute descriptor = new UnsignedShortAttribute(TagFromName.LUTDescriptor);
        descriptor.addValue(ENTRIES);
        descriptor.addValue(0);
        descriptor.addValue(16);
        item.put(descriptor);
        short[] data = new short[ENTRIES];
        for (int i = 0; i < ENTRIES; i++) {
            data[i] = (short) Math.round(65535 * Math.pow(i / (double) (ENTRIES - 1), 0.6));
        }
        OtherWordAttribute lut = new OtherWordAttribute(TagFromName.LUTData);
        lut.setValues(data);
        item.put(lut);
        LongStringAttribute explanation = new LongStringAttribute(TagFromName.LUTExplanation);
        explanation.addValue("test gamma 0.6");
        item.put(explanation);
        if (sequenceTag.equals(ImageDescription.MODALITY_LUT_SEQUENCE)) {
            // LO, as the data dictionary has it: free text to de-identification unless a defined term
            LongStringAttribute type = new LongStringAttribute(MODALITY_LUT_TYPE);
            type.addValue("OD");
            item.put(type);
            list.remove(TagFromName.RescaleIntercept);
            list.remove(TagFromName.RescaleSlope);
            list.remove(TagFromName.RescaleType);
        }
        SequenceAttribute sequence = new SequenceAttribute(sequenceTag);
        sequence.addItem(new SequenceItem(item));
        list.put(sequence);
        if (voiFunction != null) {
            CodeStringAttribute function = new CodeStringAttribute(TagFromName.VOILUTFunction);
            function.addValue(voiFunction);
            list.put(function);
        }
        list.removeMetaInformationHeaderAttributes();
        FileMetaInformation.addFileMetaInformation(list, TransferSyntax.ExplicitVRLittleEndian, "TEST");
        Path file = Files.createTempFile("lut", ".dcm");
        list.write(file.toFile(), TransferSyntax.ExplicitVRLittleEndian, true, true);
        return file;
    }

    /** {@code file} with a rescale added beside its Modality LUT, whose type is set to {@code lutType}. */
    private static Path withBoth(Path file, String lutType) throws Exception {
        AttributeList list = read(file);
        AttributeList item = ((SequenceAttribute) list.get(ImageDescription.MODALITY_LUT_SEQUENCE)).getItem(0)
                .getAttributeList();
        LongStringAttribute type = new LongStringAttribute(MODALITY_LUT_TYPE);
        type.addValue(lutType);
        item.put(type);
        DecimalStringAttribute intercept = new DecimalStringAttribute(TagFromName.RescaleIntercept);
        intercept.addValue("0");
        list.put(intercept);
        DecimalStringAttribute slope = new DecimalStringAttribute(TagFromName.RescaleSlope);
        slope.addValue("1");
        list.put(slope);
        list.removeMetaInformationHeaderAttributes();
        FileMetaInformation.addFileMetaInformation(list, TransferSyntax.ExplicitVRLittleEndian, "TEST");
        list.write(file.toFile(), TransferSyntax.ExplicitVRLittleEndian, true, true);
        return file;
    }

    private static String modalityLutType(AttributeList list) {
        SequenceAttribute sequence = (SequenceAttribute) list.get(ImageDescription.MODALITY_LUT_SEQUENCE);
        return Attribute.getSingleStringValueOrEmptyString(sequence.getItem(0).getAttributeList(), MODALITY_LUT_TYPE);
    }

    private static short[] lutData(Path file, AttributeTag sequenceTag) throws Exception {
        return lutData(read(file), sequenceTag);
    }

    private static short[] lutData(AttributeList list, AttributeTag sequenceTag) throws Exception {
        SequenceAttribute sequence = (SequenceAttribute) list.get(sequenceTag);
        assertNotNull(sequence, sequenceTag + " is missing");
        return sequence.getItem(0).getAttributeList().get(TagFromName.LUTData).getShortValues();
    }

    private static AttributeList read(Path file) throws Exception {
        AttributeList list = new AttributeList();
        list.read(file.toFile());
        return list;
    }
}
