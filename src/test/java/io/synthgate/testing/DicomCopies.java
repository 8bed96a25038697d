package io.synthgate.testing;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.CodeStringAttribute;
import com.pixelmed.dicom.DateAttribute;
import com.pixelmed.dicom.FileMetaInformation;
import com.pixelmed.dicom.ShortStringAttribute;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.dicom.TransferSyntax;
import com.pixelmed.dicom.UniqueIdentifierAttribute;
import com.pixelmed.dicom.UnsignedShortAttribute;
import java.nio.file.Files;
import java.nio.file.Path;

/** Real images re-labelled as new instances of a chosen study, for tests that need many of them. */
public final class DicomCopies {

    private DicomCopies() {
    }

    /** Writes {@code template} as instance {@code sopInstanceUid} of series {@code study.1} of {@code study}. */
    public static Path asInstanceOf(Path template, String study, String sopInstanceUid, Path target) throws Exception {
        return asInstanceOf(template, study, sopInstanceUid, null, target);
    }

    /** The same, with Body Part Examined set to {@code bodyPart} when it is not null. */
    public static Path asInstanceOf(Path template, String study, String sopInstanceUid, String bodyPart, Path target)
            throws Exception {
        AttributeList list = new AttributeList();
        list.read(template.toFile());
        if (bodyPart != null) {
            Attribute part = new CodeStringAttribute(TagFromName.BodyPartExamined);
            part.addValue(bodyPart);
            list.put(part);
        }
        replace(list, TagFromName.StudyInstanceUID, study);
        replace(list, TagFromName.SeriesInstanceUID, study + ".1");
        replace(list, TagFromName.SOPInstanceUID, sopInstanceUid);
        list.removeMetaInformationHeaderAttributes();
        FileMetaInformation.addFileMetaInformation(list, TransferSyntax.ExplicitVRLittleEndian, "TEST");
        Files.createDirectories(target.getParent());
        list.write(target.toFile(), TransferSyntax.ExplicitVRLittleEndian, true, true);
        return target;
    }

    /** Writes {@code template} as the one instance of a clinical study with this accession number and date. */
    public static Path asClinicalStudy(Path template, String study, String accessionNumber, String studyDate,
            String bodyPart, Path target) throws Exception {
        return asClinicalInstance(template, study, study + ".1.1", accessionNumber, studyDate, bodyPart, target);
    }

    /** Writes {@code template} as instance {@code sopInstanceUid} of a clinical study with this accession number and date. */
    public static Path asClinicalInstance(Path template, String study, String sopInstanceUid, String accessionNumber,
            String studyDate, String bodyPart, Path target) throws Exception {
        asInstanceOf(template, study, sopInstanceUid, bodyPart, target);
        AttributeList list = new AttributeList();
        list.read(target.toFile());
        Attribute accession = new ShortStringAttribute(TagFromName.AccessionNumber);
        accession.addValue(accessionNumber);
        list.put(accession);
        Attribute date = new DateAttribute(TagFromName.StudyDate);
        date.addValue(studyDate);
        list.put(date);
        list.write(target.toFile(), TransferSyntax.ExplicitVRLittleEndian, true, true);
        return target;
    }

    /** Rewrites {@code file} announcing {@code rows} rows, whatever its Pixel Data holds. */
    public static Path withRows(Path file, int rows) throws Exception {
        AttributeList list = new AttributeList();
        list.read(file.toFile());
        Attribute attribute = new UnsignedShortAttribute(TagFromName.Rows);
        attribute.addValue(rows);
        list.put(attribute);
        list.write(file.toFile(), TransferSyntax.ExplicitVRLittleEndian, true, true);
        return file;
    }

    public static String sopInstanceUid(Path file) throws Exception {
        AttributeList list = new AttributeList();
        list.read(file.toFile(), TagFromName.PixelData);
        return Attribute.getSingleStringValueOrEmptyString(list, TagFromName.SOPInstanceUID);
    }

    public static String studyInstanceUid(Path file) throws Exception {
        AttributeList list = new AttributeList();
        list.read(file.toFile(), TagFromName.PixelData);
        return Attribute.getSingleStringValueOrEmptyString(list, TagFromName.StudyInstanceUID);
    }

    private static void replace(AttributeList list, AttributeTag tag, String value) throws Exception {
        Attribute attribute = new UniqueIdentifierAttribute(tag);
        attribute.addValue(value);
        list.put(attribute);
    }
}
