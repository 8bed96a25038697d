package io.synthgate.wrap;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.CodeStringAttribute;
import com.pixelmed.dicom.DateAttribute;
import com.pixelmed.dicom.DecimalStringAttribute;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.FileMetaInformation;
import com.pixelmed.dicom.IntegerStringAttribute;
import com.pixelmed.dicom.LongStringAttribute;
import com.pixelmed.dicom.LongTextAttribute;
import com.pixelmed.dicom.OtherByteAttribute;
import com.pixelmed.dicom.OtherWordAttribute;
import com.pixelmed.dicom.PersonNameAttribute;
import com.pixelmed.dicom.SOPClass;
import com.pixelmed.dicom.ShortStringAttribute;
import com.pixelmed.dicom.ShortTextAttribute;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.dicom.TimeAttribute;
import com.pixelmed.dicom.TransferSyntax;
import com.pixelmed.dicom.UniqueIdentifierAttribute;
import com.pixelmed.dicom.UnsignedShortAttribute;
import io.synthgate.dicom.SopInstanceUid;
import io.synthgate.generator.GeneratedImage;
import io.synthgate.pixels.ImageDescription;
import io.synthgate.pixels.PixelLayout;
import io.synthgate.spool.Spool;
import io.synthgate.study.SourceInstance;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.UUID;

/**
 * Writes a generated image as a new Secondary Capture Image object: new study, series and instance
 * UIDs, and the synthetic markers of the spec (Synthetic Data YES, Image Type
 * DERIVED\SECONDARY\SYNTHETIC\&lt;operation&gt;, Conversion Type SYN, a Series Description starting
 * with SYNTHETIC, Content Qualification RESEARCH). The pixels keep the source's layout: same bit
 * depth, signedness and photometric interpretation.
 */
@ApplicationScoped
public class SyntheticObjectWriter {

    /** Synthetic Data (0008,001C), added in DICOM 2024b: PixelMed's dictionary predates it. */
    static final AttributeTag SYNTHETIC_DATA = new AttributeTag(0x0008, 0x001C);
    static final String IMPLEMENTATION_AE = "SYNTHGATE";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyyMMdd");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HHmmss");

    private final Spool spool;
    private final Clock clock;

    public SyntheticObjectWriter(Spool spool, Clock clock) {
        this.spool = spool;
        this.clock = clock;
    }

    public SyntheticObject write(UUID jobId, String experiment, GeneratedImage generated) throws IOException, DicomException {
        SourceInstance source = generated.input().image().instance();
        SyntheticIdentity identity = SyntheticIdentity.of(experiment, source);
        AttributeList list = new AttributeList();
        ZonedDateTime now = ZonedDateTime.now(clock).withZoneSameInstant(ZoneOffset.UTC);
        String operation = generated.operation().name();
        String model = generated.generator().model();

        put(list, new UniqueIdentifierAttribute(TagFromName.SOPClassUID), SOPClass.SecondaryCaptureImageStorage);
        put(list, new UniqueIdentifierAttribute(TagFromName.SOPInstanceUID), identity.sopInstanceUid());
        put(list, new CodeStringAttribute(TagFromName.SpecificCharacterSet), "ISO_IR 192");
        put(list, new CodeStringAttribute(SYNTHETIC_DATA), "YES");
        put(list, new CodeStringAttribute(TagFromName.ImageType), "DERIVED", "SECONDARY", "SYNTHETIC", operation);
        put(list, new CodeStringAttribute(TagFromName.ContentQualification), "RESEARCH");
        put(list, new DateAttribute(TagFromName.InstanceCreationDate), now.format(DATE));
        put(list, new TimeAttribute(TagFromName.InstanceCreationTime), now.format(TIME));

        put(list, new PersonNameAttribute(TagFromName.PatientName), identity.patientName());
        put(list, new LongStringAttribute(TagFromName.PatientID), identity.patientId());
        put(list, new DateAttribute(TagFromName.PatientBirthDate));
        put(list, new CodeStringAttribute(TagFromName.PatientSex));

        put(list, new UniqueIdentifierAttribute(TagFromName.StudyInstanceUID), identity.studyInstanceUid());
        put(list, new DateAttribute(TagFromName.StudyDate), now.format(DATE));
        put(list, new TimeAttribute(TagFromName.StudyTime), now.format(TIME));
        put(list, new PersonNameAttribute(TagFromName.ReferringPhysicianName));
        put(list, new ShortStringAttribute(TagFromName.StudyID), "SYN");
        put(list, new ShortStringAttribute(TagFromName.AccessionNumber));
        put(list, new LongStringAttribute(TagFromName.StudyDescription), "SYNTHETIC AI-GENERATED (RESEARCH)");

        ImageDescription description = generated.input().image().description();
        put(list, new UniqueIdentifierAttribute(TagFromName.SeriesInstanceUID), identity.seriesInstanceUid());
        put(list, new CodeStringAttribute(TagFromName.Modality), orDefault(description.modality(), "OT"));
        put(list, new IntegerStringAttribute(TagFromName.SeriesNumber), "9001");
        put(list, new LongStringAttribute(TagFromName.SeriesDescription),
                truncate("SYNTHETIC AI-" + operation + " " + model + " NOT FOR DIAGNOSIS", 64));
        if (description.bodyPartExamined() != null) {
            put(list, new CodeStringAttribute(TagFromName.BodyPartExamined), description.bodyPartExamined());
        }

        put(list, new LongStringAttribute(TagFromName.Manufacturer), generated.generator().provider());
        put(list, new CodeStringAttribute(TagFromName.ConversionType), "SYN");
        put(list, new LongStringAttribute(TagFromName.SecondaryCaptureDeviceManufacturer), "SynthGate");
        put(list, new LongStringAttribute(TagFromName.SecondaryCaptureDeviceManufacturerModelName), "SynthGate gateway");
        put(list, new LongStringAttribute(TagFromName.SecondaryCaptureDeviceSoftwareVersions),
                model + " " + generated.generator().version());

        put(list, new IntegerStringAttribute(TagFromName.InstanceNumber), orDefault(description.instanceNumber(), "1"));
        put(list, new CodeStringAttribute(TagFromName.PatientOrientation));
        put(list, new DateAttribute(TagFromName.ContentDate), now.format(DATE));
        put(list, new TimeAttribute(TagFromName.ContentTime), now.format(TIME));
        put(list, new CodeStringAttribute(TagFromName.BurnedInAnnotation), "NO");
        put(list, new ShortTextAttribute(TagFromName.DerivationDescription), truncate("Generative "
                + operation.toLowerCase() + " of the masked region (" + generated.input().spec().text() + ") by "
                + model + "; every other pixel copied unchanged from the source", 1024));
        put(list, new LongTextAttribute(TagFromName.ImageComments), "SYNTHETIC IMAGE - AI GENERATED - NOT FOR DIAGNOSIS."
                + " Made by SynthGate job " + jobId + ", experiment " + experiment + ".");

        putPixels(list, generated.input().image().layout(), generated.storedSamples());
        putDisplay(list, description);

        FileMetaInformation.addFileMetaInformation(list, TransferSyntax.ExplicitVRLittleEndian, IMPLEMENTATION_AE);
        Path temporary = spool.newTemporaryFile();
        try {
            list.write(temporary.toFile(), TransferSyntax.ExplicitVRLittleEndian, true, true);
            Path target = spool.outbound().resolve(jobId.toString()).resolve(identity.sopInstanceUid() + ".dcm");
            spool.commit(temporary, target);
            return new SyntheticObject(new SopInstanceUid(identity.sopInstanceUid()),
                    SOPClass.SecondaryCaptureImageStorage, target);
        } finally {
            spool.discard(temporary);
        }
    }

    private static void putPixels(AttributeList list, PixelLayout layout, Object samples) throws DicomException {
        put(list, new UnsignedShortAttribute(TagFromName.Rows), Integer.toString(layout.rows()));
        put(list, new UnsignedShortAttribute(TagFromName.Columns), Integer.toString(layout.columns()));
        put(list, new UnsignedShortAttribute(TagFromName.SamplesPerPixel), Integer.toString(layout.samplesPerPixel()));
        put(list, new CodeStringAttribute(TagFromName.PhotometricInterpretation), layout.photometricInterpretation());
        put(list, new UnsignedShortAttribute(TagFromName.BitsAllocated), Integer.toString(layout.bitsAllocated()));
        put(list, new UnsignedShortAttribute(TagFromName.BitsStored), Integer.toString(layout.bitsStored()));
        put(list, new UnsignedShortAttribute(TagFromName.HighBit), Integer.toString(layout.highBit()));
        put(list, new UnsignedShortAttribute(TagFromName.PixelRepresentation), layout.signed() ? "1" : "0");
        if (layout.samplesPerPixel() > 1) {
            put(list, new UnsignedShortAttribute(TagFromName.PlanarConfiguration), "0");
        }
        int count = layout.pixelCount() * layout.samplesPerPixel();
        if (samples instanceof short[] words) {
            OtherWordAttribute pixelData = new OtherWordAttribute(TagFromName.PixelData);
            pixelData.setValues(words.length == count ? words : Arrays.copyOf(words, count));
            list.put(pixelData);
        } else {
            OtherByteAttribute pixelData = new OtherByteAttribute(TagFromName.PixelData);
            pixelData.setValues(Arrays.copyOf((byte[]) samples, count + (count % 2)));
            list.put(pixelData);
        }
    }

    /** Keeps the source's rescale and window so viewers show the synthetic image as they showed the source. */
    private static void putDisplay(AttributeList list, ImageDescription description) throws DicomException {
        if (description.rescaleIntercept() != null && description.rescaleSlope() != null) {
            put(list, new DecimalStringAttribute(TagFromName.RescaleIntercept), description.rescaleIntercept());
            put(list, new DecimalStringAttribute(TagFromName.RescaleSlope), description.rescaleSlope());
            put(list, new LongStringAttribute(TagFromName.RescaleType), orDefault(description.rescaleType(), "US"));
        }
        if (description.windowCenter() != null && description.windowWidth() != null) {
            put(list, new DecimalStringAttribute(TagFromName.WindowCenter), description.windowCenter().split("\\\\"));
            put(list, new DecimalStringAttribute(TagFromName.WindowWidth), description.windowWidth().split("\\\\"));
        }
    }

    private static void put(AttributeList list, Attribute attribute, String... values) throws DicomException {
        for (String value : values) {
            attribute.addValue(value);
        }
        list.put(attribute);
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }

    private static String truncate(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }
}
