package io.synthgate.testing;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.TagFromName;
import java.nio.file.Path;

/** Reads what a test needs to compare pixels: the stored sample values after decompression. */
public final class DicomImages {

    private DicomImages() {
    }

    /** A decoded image and, for a synthetic one, its burned-in label box (column, row, width, height). */
    public record Image(int rows, int columns, int bitsStored, String photometric, int[] samples, int[] labelBox) {

        public int at(int column, int row) {
            return samples[row * columns + column];
        }

        public boolean inLabel(int column, int row) {
            return labelBox.length == 4 && column >= labelBox[0] && column < labelBox[0] + labelBox[2]
                    && row >= labelBox[1] && row < labelBox[1] + labelBox[3];
        }
    }

    /** (0099,100E) in the block of private creator SYNTHGATE 1 (group 0099, block 10). */
    private static final com.pixelmed.dicom.AttributeTag LABEL_BOX = new com.pixelmed.dicom.AttributeTag(0x0099, 0x100E);

    /** Decodes with PixelMed; JPEG-LS, which PixelMed cannot decode, is decompressed by DCMTK first. */
    public static Image read(Path file) throws Exception {
        AttributeList meta = new AttributeList();
        meta.readOnlyMetaInformationHeader(file.toFile());
        if (Attribute.getSingleStringValueOrEmptyString(meta, TagFromName.TransferSyntaxUID).startsWith("1.2.840.10008.1.2.4.8")) {
            Path plain = java.nio.file.Files.createTempFile("dcmdjpls", ".dcm");
            ProcessRun run = ProcessRun.run(java.util.List.of("dcmdjpls", file.toString(), plain.toString()));
            if (run.exitCode() != 0) {
                throw new IllegalStateException("dcmdjpls failed: " + run.output());
            }
            file = plain;
        }
        AttributeList list = new AttributeList();
        list.read(file.toFile());
        list.correctDecompressedImagePixelModule();
        int rows = Attribute.getSingleIntegerValueOrDefault(list, TagFromName.Rows, 0);
        int columns = Attribute.getSingleIntegerValueOrDefault(list, TagFromName.Columns, 0);
        int bitsAllocated = Attribute.getSingleIntegerValueOrDefault(list, TagFromName.BitsAllocated, 0);
        int bitsStored = Attribute.getSingleIntegerValueOrDefault(list, TagFromName.BitsStored, 0);
        Attribute pixelData = list.getPixelData();
        int[] samples = new int[rows * columns];
        if (bitsAllocated == 16) {
            short[] words = pixelData.getShortValues();
            for (int i = 0; i < samples.length; i++) {
                samples[i] = words[i] & 0xffff;
            }
        } else {
            byte[] bytes = pixelData.getByteValues();
            for (int i = 0; i < samples.length; i++) {
                samples[i] = bytes[i] & 0xff;
            }
        }
        Attribute label = list.get(LABEL_BOX);
        int[] box = label == null ? new int[0] : labelBox(label);
        return new Image(rows, columns, bitsStored,
                Attribute.getSingleStringValueOrEmptyString(list, TagFromName.PhotometricInterpretation), samples, box);
    }

    /** UL values; in Implicit VR a reader without SynthGate's private dictionary holds them as bytes (UN). */
    private static int[] labelBox(Attribute label) throws com.pixelmed.dicom.DicomException {
        if (!(label instanceof com.pixelmed.dicom.UnknownAttribute)) {
            return label.getIntegerValues();
        }
        java.nio.IntBuffer values = java.nio.ByteBuffer.wrap(label.getByteValues())
                .order(java.nio.ByteOrder.LITTLE_ENDIAN).asIntBuffer();
        int[] box = new int[values.remaining()];
        values.get(box);
        return box;
    }
}
