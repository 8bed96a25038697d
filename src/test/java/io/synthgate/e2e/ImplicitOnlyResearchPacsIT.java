package io.synthgate.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.dicom.TransferSyntax;
import io.synthgate.testing.Dciodvfy;
import io.synthgate.testing.DicomCopies;
import io.synthgate.testing.DicomImages;
import io.synthgate.testing.FreePorts;
import io.synthgate.testing.GatewayProcess;
import io.synthgate.testing.ProcessRun;
import io.synthgate.testing.TestFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The research PACS is DCMTK's storescp accepting Implicit VR Little Endian only, as older archives
 * do, while SynthGate writes its objects in Explicit VR Little Endian: each is converted on the way,
 * arrives valid per dciodvfy, and keeps the source's pixels outside the inpainted region.
 */
class ImplicitOnlyResearchPacsIT {

    @TempDir
    Path folder;

    @Test
    void anArchiveTakingImplicitLittleEndianOnlyReceivesEachObjectConvertedAndValid() throws Exception {
        int pacsPort = FreePorts.next();
        Path received = Files.createDirectories(folder.resolve("received"));
        Path ct = TestFiles.pydicom("CT_small.dcm");
        String study = DicomCopies.studyInstanceUid(ct);
        Process storescp = new ProcessBuilder("storescp", "+xi", "+B", "-od", received.toString(),
                Integer.toString(pacsPort)).redirectErrorStream(true)
                .redirectOutput(folder.resolve("storescp.log").toFile()).start();
        try (GatewayProcess gateway = GatewayProcess.forResearchPacs(folder.resolve("gateway"), pacsPort, Map.of())
                .start()) {
            ProcessRun sent = ProcessRun.storescu(gateway.dicomPort(), GatewayProcess.AE_TITLE, "STORESCU", List.of(),
                    List.of(ct));
            assertEquals(0, sent.exitCode(), sent.output());
            Map<String, String> exported = StudyProgress.awaitExported(gateway, study, 1, Duration.ofMinutes(1));
            assertEquals(1, exported.size());

            List<Path> files;
            try (Stream<Path> listed = Files.list(received)) {
                files = listed.toList();
            }
            assertEquals(1, files.size(), "one object, once: " + files);
            Path object = files.get(0);
            AttributeList meta = new AttributeList();
            meta.readOnlyMetaInformationHeader(object.toFile());
            assertEquals(TransferSyntax.ImplicitVRLittleEndian,
                    Attribute.getSingleStringValueOrEmptyString(meta, TagFromName.TransferSyntaxUID));
            assertEquals(exported.values().iterator().next(),
                    Attribute.getSingleStringValueOrEmptyString(meta, TagFromName.MediaStorageSOPInstanceUID));
            assertEquals(List.of(), Dciodvfy.unexpectedErrors(object));

            DicomImages.Image source = DicomImages.read(ct);
            DicomImages.Image synthetic = DicomImages.read(object);
            assertEquals(source.rows(), synthetic.rows());
            assertEquals(source.columns(), synthetic.columns());
            int compared = 0;
            int same = 0;
            for (int row = 0; row < source.rows(); row++) {
                for (int column = 0; column < source.columns(); column++) {
                    if (!synthetic.inLabel(column, row)) {
                        compared++;
                        same += source.at(column, row) == synthetic.at(column, row) ? 1 : 0;
                    }
                }
            }
            assertTrue(same > compared * 0.8, "the pixels outside the mask are the source's: " + same + " of "
                    + compared);
        } finally {
            storescp.destroy();
            storescp.waitFor();
        }
    }
}
