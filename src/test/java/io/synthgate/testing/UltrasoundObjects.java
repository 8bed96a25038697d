package io.synthgate.testing;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.CodeStringAttribute;
import com.pixelmed.dicom.FileMetaInformation;
import com.pixelmed.dicom.LongStringAttribute;
import com.pixelmed.dicom.OtherByteAttribute;
import com.pixelmed.dicom.PersonNameAttribute;
import com.pixelmed.dicom.SOPClass;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.dicom.TransferSyntax;
import com.pixelmed.dicom.UniqueIdentifierAttribute;
import com.pixelmed.dicom.UnsignedShortAttribute;
import java.nio.file.Path;

/**
 * Writes an RGB ultrasound image whose scanner burned white text into its top rows, as many do:
 * the patient's name in a header band and the rest a grey gradient. Sample ({@code x}, {@code y},
 * {@code s}) holds {@link #value}.
 */
public final class UltrasoundObjects {

    /** Rows of the burned-in header band. */
    public static final int TEXT_ROWS = 6;

    private UltrasoundObjects() {
    }

    /** The stored sample: white in the text band, a gradient below it. */
    public static int value(int x, int y, int sample) {
        return y < TEXT_ROWS ? 255 : (x * 3 + y * 2 + sample * 40) % 200 + 20;
    }

    public static Path write(Path target, String manufacturer, int rows, int columns) throws Exception {
        AttributeList list = new AttributeList();
        put(list, new UniqueIdentifierAttribute(TagFromName.SOPClassUID), SOPClass.UltrasoundImageStorage);
        put(list, new UniqueIdentifierAttribute(TagFromName.SOPInstanceUID), "2.25.6060606." + rows);
        put(list, new UniqueIdentifierAttribute(TagFromName.StudyInstanceUID), "2.25.6060606");
        put(list, new UniqueIdentifierAttribute(TagFromName.SeriesInstanceUID), "2.25.6060606.1");
        put(list, new PersonNameAttribute(TagFromName.PatientName), "SONO^PATIENT");
        put(list, new LongStringAttribute(TagFromName.PatientID), "SONO-1");
        put(list, new CodeStringAttribute(TagFromName.Modality), "US");
        put(list, new LongStringAttribute(TagFromName.Manufacturer), manufacturer);
        put(list, new CodeStringAttribute(TagFromName.BurnedInAnnotation), "YES");
        put(list, new UnsignedShortAttribute(TagFromName.Rows), Integer.toString(rows));
        put(list, new UnsignedShortAttribute(TagFromName.Columns), Integer.toString(columns));
        put(list, new UnsignedShortAttribute(TagFromName.SamplesPerPixel), "3");
        put(list, new UnsignedShortAttribute(TagFromName.PlanarConfiguration), "0");
        put(list, new CodeStringAttribute(TagFromName.PhotometricInterpretation), "RGB");
        put(list, new UnsignedShortAttribute(TagFromName.BitsAllocated), "8");
        put(list, new UnsignedShortAttribute(TagFromName.BitsStored), "8");
        put(list, new UnsignedShortAttribute(TagFromName.HighBit), "7");
        put(list, new UnsignedShortAttribute(TagFromName.PixelRepresentation), "0");
        byte[] samples = new byte[rows * columns * 3];
        for (int y = 0; y < rows; y++) {
            for (int x = 0; x < columns; x++) {
                for (int s = 0; s < 3; s++) {
                    samples[(y * columns + x) * 3 + s] = (byte) value(x, y, s);
                }
            }
        }
        OtherByteAttribute pixelData = new OtherByteAttribute(TagFromName.PixelData);
        pixelData.setValues(samples);
        list.put(pixelData);
        FileMetaInformation.addFileMetaInformation(list, TransferSyntax.ExplicitVRLittleEndian, "TEST");
        list.write(target.toFile(), TransferSyntax.ExplicitVRLittleEndian, true, true);
        return target;
    }

    private static void put(AttributeList list, com.pixelmed.dicom.Attribute attribute, String value) throws Exception {
        attribute.addValue(value);
        list.put(attribute);
    }
}
