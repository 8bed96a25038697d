package io.synthgate.dicom;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synthgate.testing.RawStoreClient.Part10;
import io.synthgate.testing.TestFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class DataSetStructureTest {

    static Stream<Path> wellFormedFiles() {
        return Stream.of(TestFiles.shared("fo-dicom/CR-MONO1-10-chest.dcm"), TestFiles.shared("fo-dicom/CT-MONO2-16-ankle.dcm"),
                TestFiles.shared("fo-dicom/IM-0001-0001-0001.dcm"), TestFiles.shared("fo-dicom/OutOfBoundsOverlay.dcm"),
                TestFiles.pydicom("CT_small.dcm"), TestFiles.pydicom("MR_small_RLE.dcm"),
                TestFiles.pydicom("MR_small_implicit.dcm"), TestFiles.pydicom("MR_small_bigendian.dcm"),
                TestFiles.pydicom("image_dfl.dcm"), TestFiles.pydicom("JPEG2000.dcm"), TestFiles.pydicom("rtplan.dcm"),
                TestFiles.pydicom("rtstruct.dcm"), TestFiles.pydicom("SC_rgb_rle_2frame.dcm"));
    }

    @ParameterizedTest
    @MethodSource("wellFormedFiles")
    void acceptsRealFilesInEveryTransferSyntax(Path file) throws Exception {
        assertNull(DataSetStructure.walk(rewritten(file), syntaxOf(file)).fault(), file.toString());
    }

    @Test
    void findsTheStrayItemInGh364() throws Exception {
        Path file = TestFiles.shared("fo-dicom/GH364.dcm");
        String fault = DataSetStructure.walk(rewritten(file), syntaxOf(file)).fault();
        assertTrue(fault != null && fault.contains("outside any sequence"), fault);
    }

    @Test
    void findsADataSetCutShort() throws Exception {
        Path file = TestFiles.pydicom("CT_small.dcm");
        Path whole = rewritten(file);
        byte[] bytes = Files.readAllBytes(whole);
        Path cut = Files.write(Files.createTempFile("cut", ".dcm"), Arrays.copyOf(bytes, bytes.length - 10_000));
        String fault = DataSetStructure.walk(cut, syntaxOf(file)).fault();
        assertTrue(fault != null && fault.contains("(7FE0,0010)"), fault);
    }

    @Test
    void findsADeflatedDataSetThatDoesNotInflate() throws Exception {
        Path file = TestFiles.pydicom("image_dfl.dcm");
        byte[] bytes = Files.readAllBytes(rewritten(file));
        byte[] broken = Arrays.copyOf(bytes, bytes.length);
        int dataSetStart = bytes.length - Part10.read(file).dataSet().length;
        Arrays.fill(broken, dataSetStart, dataSetStart + 4, (byte) 0xFF);
        Path corrupt = Files.write(Files.createTempFile("corrupt", ".dcm"), broken);
        String fault = DataSetStructure.walk(corrupt, syntaxOf(file)).fault();
        assertTrue(fault != null && fault.startsWith("deflated data set cannot be inflated"), fault);
    }

    /** The file as the SCP spools it: a fresh meta header with a correct group length, then the raw data set. */
    private static Path rewritten(Path file) throws Exception {
        Part10 part = Part10.read(file);
        Path target = Files.createTempFile("spooled", ".dcm");
        try (var out = Files.newOutputStream(target)) {
            var meta = new com.pixelmed.dicom.FileMetaInformation(part.sopClassUid(), part.sopInstanceUid(),
                    part.transferSyntaxUid(), "TEST");
            var dicomOut = new com.pixelmed.dicom.DicomOutputStream(out, com.pixelmed.dicom.TransferSyntax.ExplicitVRLittleEndian, null);
            meta.getAttributeList().write(dicomOut);
            dicomOut.flush();
            out.write(part.dataSet());
        }
        return target;
    }

    private static String syntaxOf(Path file) throws Exception {
        return Part10.read(file).transferSyntaxUid();
    }
}
