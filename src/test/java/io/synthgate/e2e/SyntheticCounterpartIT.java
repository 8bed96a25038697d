package io.synthgate.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.synthgate.testing.DicomCopies;
import io.synthgate.testing.DicomImages;
import io.synthgate.testing.GatewayProcess;
import io.synthgate.testing.OrthancProcess;
import io.synthgate.testing.ProcessRun;
import io.synthgate.testing.TestFiles;
import io.synthgate.testing.TestHttp;
import io.synthgate.testing.TestUser;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real files in over C-STORE (DCMTK storescu, uncompressed, RLE, JPEG lossless and JPEG-LS), synthetic
 * Secondary Captures out to a real Orthanc: every image has a counterpart carrying the synthetic
 * markers, and outside the inpainted rectangle and the recorded burned-in label its pixels are the
 * source's exactly.
 */
class SyntheticCounterpartIT {

    /** The shipped route's default mask: {@code rectangle 40% 40% 20% 20%}. */
    private static final double MASK_FROM = 0.40;
    private static final double MASK_SIZE = 0.20;

    @TempDir
    Path folder;

    @Test
    void everyImageSentGetsAMarkedSyntheticCounterpartWithUnchangedPixelsOutsideTheMask() throws Exception {
        List<Path> uncompressed = List.of(TestFiles.shared("fo-dicom/CR-MONO1-10-chest.dcm"),
                TestFiles.pydicom("CT_small.dcm"), TestFiles.pydicom("MR_small.dcm"));
        Path rle = TestFiles.pydicom("MR_small_RLE.dcm");
        Path jpegLossless = TestFiles.shared("fo-dicom/IM-0001-0001-0001.dcm");
        Path jpegLs = TestFiles.pydicom("MR_small_jpeg_ls_lossless.dcm");

        try (OrthancProcess orthanc = OrthancProcess.start(folder);
                GatewayProcess gateway = GatewayProcess.forResearchPacs(folder.resolve("gateway"), orthanc, Map.of()).start()) {
            assertEquals(0, send(gateway, List.of(), uncompressed).exitCode());
            assertEquals(0, send(gateway, List.of("-xr"), List.of(rle)).exitCode());
            assertEquals(0, send(gateway, List.of("-xs"), List.of(jpegLossless)).exitCode());
            assertEquals(0, send(gateway, List.of("-xt"), List.of(jpegLs)).exitCode());

            // The MR files are one image in three encodings (one SOP Instance), so they make one output.
            Set<String> synthetics = new HashSet<>();
            for (Path source : List.of(uncompressed.get(0), uncompressed.get(1), uncompressed.get(2), rle, jpegLossless,
                    jpegLs)) {
                String study = DicomCopies.studyInstanceUid(source);
                String sop = DicomCopies.sopInstanceUid(source);
                Map<String, String> outputs = StudyProgress.awaitExported(gateway, study, 1, Duration.ofSeconds(90));
                String synthetic = outputs.get(sop);
                assertTrue(synthetic != null, "no synthetic output recorded for " + source.getFileName());
                synthetics.add(synthetic);
                String orthancId = orthanc.findInstance(synthetic)
                        .orElseThrow(() -> new AssertionError("Orthanc has no instance " + synthetic + " for " + source));

                assertCarriesSyntheticMarkers(orthanc, orthancId, study);
                Path copy = folder.resolve(synthetic + ".dcm");
                Files.write(copy, orthanc.getBytes("/instances/" + orthancId + "/file"));
                assertPixelsUnchangedOutsideMask(DicomImages.read(source), DicomImages.read(copy), source);
            }

            String csv = gateway.get("/api/experiments/inpaint/candidates.csv").body();
            assertEquals(1 + synthetics.size(), csv.lines().count(), "a line per synthetic object: " + csv);
            assertTrue(csv.lines().skip(1).allMatch(line -> line.contains(",INPAINT,SynthGate,builtin-patch-completion,")), csv);
            HttpResponse<byte[]> figure = TestHttp.send(gateway.request("/api/experiments/inpaint/figure.png", TestUser.RESEARCHER).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, figure.statusCode());
            Files.write(Path.of("target", "inpaint-report-figure.png"), figure.body());
            BufferedImage grid = ImageIO.read(new ByteArrayInputStream(figure.body()));
            // Tiles of 512 pixels under a 70-pixel caption, 16 apart, after a 300-pixel label column.
            assertEquals(16 + synthetics.size() * (512 + 70 + 16), grid.getHeight(), "a row per source image");
            assertTrue(grid.getWidth() >= 300 + 3 * 512, "original, masked input and the candidate side by side");
            for (int row = 0; row < synthetics.size(); row++) {
                // bottom left: away from the central mask and from the burned-in label at the top
                int y = 16 + row * (512 + 70 + 16) + 448;
                assertEquals(grid.getRGB(300 + 64, y), grid.getRGB(300 + 2 * (512 + 16) + 64, y),
                        "outside the mask the candidate is the original, shown in the same window (row " + row + ")");
            }
            assertTrue(gateway.get("/api/experiments/inpaint/report").body().contains("Experiment inpaint"));
        }
    }

    private static ProcessRun send(GatewayProcess gateway, List<String> options, List<Path> files) {
        return ProcessRun.storescu(gateway.dicomPort(), GatewayProcess.AE_TITLE, "STORESCU", options, files);
    }

    private static void assertCarriesSyntheticMarkers(OrthancProcess orthanc, String id, String sourceStudy) {
        JsonNode tags = orthanc.get("/instances/" + id + "/simplified-tags");
        assertEquals("1.2.840.10008.5.1.4.1.1.7", tags.path("SOPClassUID").asText(), "Secondary Capture");
        assertEquals("DERIVED\\SECONDARY\\SYNTHETIC\\INPAINT", tags.path("ImageType").asText());
        assertTrue(tags.path("SeriesDescription").asText().startsWith("SYNTHETIC"), tags.path("SeriesDescription").asText());
        assertEquals("SYN", tags.path("ConversionType").asText());
        assertNotEquals(sourceStudy, tags.path("StudyInstanceUID").asText(), "synthetic data never joins the clinical study");
        String syntheticData = new String(orthanc.getBytes("/instances/" + id + "/content/0008-001c")).strip();
        assertEquals("YES", syntheticData, "Synthetic Data (0008,001C)");
        JsonNode provenance = orthanc.get("/instances/" + id + "/tags");
        assertEquals("SYNTHGATE 1", provenance.path("0099,0010").path("Value").asText(), provenance.toString());
        assertFalse(provenance.has("0099,1003"), "the built-in generator reads no prompt, so none is recorded");
        assertFalse(provenance.has("0099,1004"), "nor a negative prompt");
    }

    private static void assertPixelsUnchangedOutsideMask(DicomImages.Image source, DicomImages.Image output, Path file) {
        assertEquals(source.rows(), output.rows());
        assertEquals(source.columns(), output.columns());
        assertEquals(source.bitsStored(), output.bitsStored(), "bit depth kept");
        assertEquals(source.photometric(), output.photometric(), "photometric interpretation kept");
        int left = (int) Math.round(MASK_FROM * source.columns());
        int top = (int) Math.round(MASK_FROM * source.rows());
        int right = left + (int) Math.round(MASK_SIZE * source.columns());
        int bottom = top + (int) Math.round(MASK_SIZE * source.rows());
        int changedInside = 0;
        for (int row = 0; row < source.rows(); row++) {
            for (int column = 0; column < source.columns(); column++) {
                boolean masked = column >= left && column < right && row >= top && row < bottom;
                if (output.inLabel(column, row)) {
                    continue;
                }
                if (masked) {
                    changedInside += source.at(column, row) != output.at(column, row) ? 1 : 0;
                } else if (source.at(column, row) != output.at(column, row)) {
                    throw new AssertionError(file.getFileName() + ": pixel (" + column + "," + row + ") outside the mask changed from "
                            + source.at(column, row) + " to " + output.at(column, row));
                }
            }
        }
        assertTrue(changedInside > 0, file.getFileName() + ": the generator changed nothing inside the mask");
        assertEquals(4, output.labelBox().length, file.getFileName() + ": no burned-in label box recorded");
    }
}
