package io.synthgate.bench;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.CodeStringAttribute;
import com.pixelmed.dicom.DecimalStringAttribute;
import com.pixelmed.dicom.FileMetaInformation;
import com.pixelmed.dicom.OtherWordAttribute;
import com.pixelmed.dicom.SOPClass;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.dicom.TransferSyntax;
import com.pixelmed.dicom.UniqueIdentifierAttribute;
import com.pixelmed.dicom.UnsignedShortAttribute;
import io.synthgate.deid.DeidentifiedSource;
import io.synthgate.deid.OutputSeal;
import io.synthgate.deid.PseudonymKey;
import io.synthgate.dicom.SopInstanceUid;
import io.synthgate.generator.GeneratedImage;
import io.synthgate.generator.GenerationOutcome;
import io.synthgate.generator.GeneratorIdentity;
import io.synthgate.generator.SamplingParameters;
import io.synthgate.image.FidelityMeter;
import io.synthgate.masking.MaskedImage;
import io.synthgate.pipeline.GenerationOperation;
import io.synthgate.spool.Spool;
import io.synthgate.testing.TestSpools;
import io.synthgate.wrap.SyntheticObject;
import io.synthgate.wrap.SyntheticObjectWriter;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import java.util.UUID;

/**
 * What the pipeline benchmarks work on: a reproducible 16-bit radiograph-like image written as a
 * de-identified source (smooth anatomy, bone edges and quantum noise, so inpainting and PNG coding
 * meet the structure they meet on real radiographs), and the writer that wraps results into a spool.
 */
public final class BenchImages {

    /** The job every benchmark's synthetic objects are recorded under. */
    public static final UUID JOB = UUID.fromString("00000000-0000-0000-0000-00000000be4c");

    private BenchImages() {
    }

    /** A {@code columns}x{@code rows} 16-bit DX image in {@code folder}, as de-identification would leave it. */
    public static DeidentifiedSource radiograph(Path folder, int columns, int rows) throws Exception {
        String study = "2.25." + new BigInteger(1, ("bench-" + columns + "x" + rows).getBytes()).mod(BigInteger.TEN.pow(30));
        String sop = study + ".1.1";
        AttributeList list = new AttributeList();
        put(list, new UniqueIdentifierAttribute(TagFromName.SOPClassUID), SOPClass.DigitalXRayImageStorageForPresentation);
        put(list, new UniqueIdentifierAttribute(TagFromName.SOPInstanceUID), sop);
        put(list, new UniqueIdentifierAttribute(TagFromName.StudyInstanceUID), study);
        put(list, new UniqueIdentifierAttribute(TagFromName.SeriesInstanceUID), study + ".1");
        put(list, new CodeStringAttribute(TagFromName.Modality), "DX");
        put(list, new CodeStringAttribute(TagFromName.BodyPartExamined), "KNEE");
        put(list, new CodeStringAttribute(TagFromName.PatientIdentityRemoved), "YES");
        put(list, new DecimalStringAttribute(TagFromName.ImagerPixelSpacing), "0.1", "0.1");
        put(list, new UnsignedShortAttribute(TagFromName.Rows), Integer.toString(rows));
        put(list, new UnsignedShortAttribute(TagFromName.Columns), Integer.toString(columns));
        put(list, new UnsignedShortAttribute(TagFromName.SamplesPerPixel), "1");
        put(list, new CodeStringAttribute(TagFromName.PhotometricInterpretation), "MONOCHROME2");
        put(list, new UnsignedShortAttribute(TagFromName.BitsAllocated), "16");
        put(list, new UnsignedShortAttribute(TagFromName.BitsStored), "16");
        put(list, new UnsignedShortAttribute(TagFromName.HighBit), "15");
        put(list, new UnsignedShortAttribute(TagFromName.PixelRepresentation), "0");
        OtherWordAttribute pixels = new OtherWordAttribute(TagFromName.PixelData);
        pixels.setValues(pixels(columns, rows));
        list.put(pixels);
        FileMetaInformation.addFileMetaInformation(list, TransferSyntax.ExplicitVRLittleEndian, "BENCH");
        Path file = folder.resolve(sop + ".dcm");
        list.write(file.toFile(), TransferSyntax.ExplicitVRLittleEndian, true, true);
        return new DeidentifiedSource(new SopInstanceUid("2.25.1" + sop.substring(5)), file,
                SOPClass.DigitalXRayImageStorageForPresentation, study, study + ".1", sop, "BENCH-PATIENT", "DX", Optional.empty(),
                List.of(), "PS3.15 Basic Profile", List.of(), Optional.empty());
    }

    /** A writer into a spool below {@code folder}, without fsync: the benchmarks measure work, not the disk. */
    public static SyntheticObjectWriter writer(Path folder) {
        Spool spool = TestSpools.at(folder.resolve("spool"), 0);
        return new SyntheticObjectWriter(spool, Clock.systemUTC(), new OutputSeal(PseudonymKey.fixed("bench")));
    }

    /** Composites nothing new: wraps {@code samples} (already composited) as the job's candidate and writes it. */
    public static SyntheticObject wrap(SyntheticObjectWriter writer, MaskedImage input, Object samples,
            GeneratorIdentity generator) throws Exception {
        GeneratedImage generated = new GeneratedImage(input, GenerationOperation.INPAINT, generator,
                new GeneratedImage.Provenance("An X-ray of knee", "", OptionalLong.of(42), Optional.empty(),
                        GenerationOutcome.Status.OK, false, SamplingParameters.NONE, Optional.empty(), ""),
                samples, FidelityMeter.measure(input.image(), input.mask(), input.comparable(), samples), 0, List.of(),
                List.of());
        return writer.write(JOB, "bench", generated);
    }

    /**
     * Soft tissue as a few broad Gaussians, two bone shafts with sharp cortical edges, and Gaussian
     * noise whose level grows with the signal, over 1,000 to 50,000; the same for every run.
     */
    private static short[] pixels(int columns, int rows) {
        Random noise = new Random(42);
        short[] values = new short[columns * rows];
        for (int y = 0; y < rows; y++) {
            double v = (double) y / rows;
            for (int x = 0; x < columns; x++) {
                double u = (double) x / columns;
                double tissue = 0.55 * Math.exp(-((u - 0.5) * (u - 0.5)) / 0.08)
                        + 0.15 * Math.exp(-((u - 0.3) * (u - 0.3) + (v - 0.6) * (v - 0.6)) / 0.02);
                double bone = 0;
                for (double axis : new double[] {0.42, 0.58}) {
                    double distance = Math.abs(u - axis - 0.03 * Math.sin(6 * v)) * columns;
                    double halfWidth = 0.06 * columns;
                    bone += distance < halfWidth ? 0.25 + 0.1 * (distance / halfWidth) : 0;
                }
                double signal = 1_000 + 45_000 * Math.min(1, tissue + bone);
                double value = signal + noise.nextGaussian() * (60 + 0.01 * signal);
                values[y * columns + x] = (short) Math.max(0, Math.min(65_535, Math.round(value)));
            }
        }
        return values;
    }

    private static void put(AttributeList list, Attribute attribute, String... values) throws Exception {
        for (String value : values) {
            attribute.addValue(value);
        }
        list.put(attribute);
    }
}
