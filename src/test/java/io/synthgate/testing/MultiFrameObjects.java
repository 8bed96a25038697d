package io.synthgate.testing;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTagAttribute;
import com.pixelmed.dicom.CodeStringAttribute;
import com.pixelmed.dicom.FileMetaInformation;
import com.pixelmed.dicom.IntegerStringAttribute;
import com.pixelmed.dicom.LongStringAttribute;
import com.pixelmed.dicom.OtherByteAttributeMultipleCompressedFrames;
import com.pixelmed.dicom.PersonNameAttribute;
import com.pixelmed.dicom.SOPClass;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.dicom.TransferSyntax;
import com.pixelmed.dicom.UniqueIdentifierAttribute;
import com.pixelmed.dicom.UnsignedShortAttribute;
import io.synthgate.dicom.PixelDataElement;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferUShort;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * Writes a multi-frame 12-bit grayscale object (Multi-frame Grayscale Word Secondary Capture,
 * Explicit VR Little Endian) frame by frame, so a test can make stacks larger than it would hold in
 * memory, or one frame compressed as JPEG 2000. Frame {@code f}, pixel ({@code x}, {@code y}) holds
 * {@link #value}.
 */
public final class MultiFrameObjects {

    private MultiFrameObjects() {
    }

    /** The stored value of frame {@code frame} at ({@code x}, {@code y}): a gradient that moves with the frame. */
    public static int value(int frame, int x, int y) {
        return (x * 7 + y * 3 + frame * 11) % 4096;
    }

    public static Path write(Path target, String studyInstanceUid, String sopInstanceUid, int frames, int rows,
            int columns) throws Exception {
        return write(target, studyInstanceUid, sopInstanceUid, frames, rows, columns, "OT", "");
    }

    /** The same stack, as if acquired by the named modality and manufacturer. */
    public static Path write(Path target, String studyInstanceUid, String sopInstanceUid, int frames, int rows,
            int columns, String modality, String manufacturer) throws Exception {
        AttributeList list = header(studyInstanceUid, sopInstanceUid, frames, rows, columns, modality, manufacturer);
        FileMetaInformation.addFileMetaInformation(list, TransferSyntax.ExplicitVRLittleEndian, "TEST");
        list.write(target.toFile(), TransferSyntax.ExplicitVRLittleEndian, true, true);

        long length = (long) frames * rows * columns * 2;
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(target, StandardOpenOption.APPEND), 1 << 20)) {
            out.write(PixelDataElement.header(true, length));
            ByteBuffer frame = ByteBuffer.allocate(rows * columns * 2).order(ByteOrder.LITTLE_ENDIAN);
            for (int f = 0; f < frames; f++) {
                frame.clear();
                for (int y = 0; y < rows; y++) {
                    for (int x = 0; x < columns; x++) {
                        frame.putShort((short) value(f, x, y));
                    }
                }
                out.write(frame.array());
            }
        }
        return target;
    }

    /**
     * A single frame as a digital radiography system sends it, JPEG 2000 lossless: {@link #value} of
     * frame 0, compressed in memory (the frame must fit there), then encapsulated.
     */
    public static Path writeJpeg2000(Path target, String studyInstanceUid, String sopInstanceUid, int rows, int columns,
            String modality) throws Exception {
        BufferedImage image = new BufferedImage(columns, rows, BufferedImage.TYPE_USHORT_GRAY);
        short[] samples = ((DataBufferUShort) image.getRaster().getDataBuffer()).getData();
        for (int y = 0; y < rows; y++) {
            for (int x = 0; x < columns; x++) {
                samples[y * columns + x] = (short) value(0, x, y);
            }
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg2000").next();
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(compressed)) {
            writer.setOutput(out);
            writer.write(image);
        } finally {
            writer.dispose();
        }
        AttributeList list = header(studyInstanceUid, sopInstanceUid, 1, rows, columns, modality, "");
        list.put(new OtherByteAttributeMultipleCompressedFrames(TagFromName.PixelData, new byte[][] {compressed.toByteArray()}));
        FileMetaInformation.addFileMetaInformation(list, TransferSyntax.JPEG2000Lossless, "TEST");
        list.write(target.toFile(), TransferSyntax.JPEG2000Lossless, true, true);
        return target;
    }

    private static AttributeList header(String studyInstanceUid, String sopInstanceUid, int frames, int rows, int columns,
            String modality, String manufacturer) throws Exception {
        AttributeList list = new AttributeList();
        put(list, new UniqueIdentifierAttribute(TagFromName.SOPClassUID),
                SOPClass.MultiframeGrayscaleWordSecondaryCaptureImageStorage);
        put(list, new UniqueIdentifierAttribute(TagFromName.SOPInstanceUID), sopInstanceUid);
        put(list, new UniqueIdentifierAttribute(TagFromName.StudyInstanceUID), studyInstanceUid);
        put(list, new UniqueIdentifierAttribute(TagFromName.SeriesInstanceUID), studyInstanceUid + ".1");
        put(list, new PersonNameAttribute(TagFromName.PatientName), "STACK^TEST");
        put(list, new LongStringAttribute(TagFromName.PatientID), "STACK-1");
        put(list, new CodeStringAttribute(TagFromName.Modality), modality);
        put(list, new LongStringAttribute(TagFromName.Manufacturer), manufacturer);
        put(list, new IntegerStringAttribute(TagFromName.InstanceNumber), "1");
        put(list, new UnsignedShortAttribute(TagFromName.Rows), Integer.toString(rows));
        put(list, new UnsignedShortAttribute(TagFromName.Columns), Integer.toString(columns));
        put(list, new UnsignedShortAttribute(TagFromName.SamplesPerPixel), "1");
        put(list, new CodeStringAttribute(TagFromName.PhotometricInterpretation), "MONOCHROME2");
        put(list, new UnsignedShortAttribute(TagFromName.BitsAllocated), "16");
        put(list, new UnsignedShortAttribute(TagFromName.BitsStored), "12");
        put(list, new UnsignedShortAttribute(TagFromName.HighBit), "11");
        put(list, new UnsignedShortAttribute(TagFromName.PixelRepresentation), "0");
        put(list, new IntegerStringAttribute(TagFromName.NumberOfFrames), Integer.toString(frames));
        AttributeTagAttribute pointer = new AttributeTagAttribute(TagFromName.FrameIncrementPointer);
        pointer.addValue(TagFromName.PageNumberVector);
        list.put(pointer);
        return list;
    }

    private static void put(AttributeList list, com.pixelmed.dicom.Attribute attribute, String value) throws Exception {
        attribute.addValue(value);
        list.put(attribute);
    }
}
