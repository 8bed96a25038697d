package io.synthgate.wrap;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.AttributeTagAttribute;
import com.pixelmed.dicom.CodeStringAttribute;
import com.pixelmed.dicom.DateAttribute;
import com.pixelmed.dicom.DateTimeAttribute;
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
import io.synthgate.deid.CodedConcept;
import io.synthgate.deid.DeidentifiedSource;
import io.synthgate.deid.OutputSeal;
import io.synthgate.dicom.PixelDataElement;
import io.synthgate.dicom.SopInstanceUid;
import io.synthgate.dicom.UnsupportedSourceException;
import io.synthgate.generator.GeneratedImage;
import io.synthgate.generator.GeneratedStack;
import io.synthgate.generator.GeneratedText;
import io.synthgate.generator.GeneratorIdentity;
import io.synthgate.image.FrameStack;
import io.synthgate.mask.CanvasGrowth;
import io.synthgate.pipeline.GenerationOperation;
import io.synthgate.pixels.Hashes;
import io.synthgate.pixels.ImageDescription;
import io.synthgate.pixels.PixelBox;
import io.synthgate.pixels.PixelLayout;
import io.synthgate.pixels.StoredSamples;
import io.synthgate.spool.Spool;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Writes a generated image as a new Secondary Capture Image object marked synthetic as the tag-level
 * spec asks (shared docs, synthetic-dicom.md; deviations in docs/conformance.md): Synthetic Data YES,
 * Image Type DERIVED\SECONDARY\SYNTHETIC\&lt;operation&gt;, Conversion Type SYN, Contributing Equipment
 * for the synthesizer and the de-identifier, derivation codes, a reference to the de-identified
 * source, the mask as overlay 6000, a burned-in label, and the provenance block. Everything it copies
 * comes from the de-identified source. The pixels keep the source's layout.
 */
@ApplicationScoped
public class SyntheticObjectWriter {

    /** Synthetic Data (0008,001C), added in DICOM 2024b: PixelMed's dictionary predates it. */
    static final AttributeTag SYNTHETIC_DATA = new AttributeTag(0x0008, 0x001C);
    static final AttributeTag STUDIES_CONTAINING_OTHER_REFERENCED_INSTANCES = new AttributeTag(0x0008, 0x1200);
    static final AttributeTag CONTRIBUTION_DATE_TIME = new AttributeTag(0x0018, 0xA002);
    static final String LOCAL_SCHEME = "99SYNTHGATE";
    static final String VERSION = "0.1.0";
    private static final String IMPLEMENTATION_AE = "SYNTHGATE";
    private static final CodedConcept SYNTHESIZING_EQUIPMENT = new CodedConcept("109100", "DCM", "Synthesizing Equipment");
    private static final CodedConcept SPATIAL_RESAMPLING = new CodedConcept("113085", "DCM", "Spatial resampling");
    private static final CodedConcept DEIDENTIFYING_EQUIPMENT = new CodedConcept("109104", "DCM",
            "De-identifying Equipment");
    private static final CodedConcept SOURCE_FOR_PROCESSING = new CodedConcept("121322", "DCM",
            "Source image for image processing operation");
    /**
     * Body parts of unpaired structures (CID 4031). General Series requires Laterality (Type 2C) for a
     * paired body part and forbids it for these; for an unknown or unrecognised one it is written,
     * empty unless the source says L or R.
     */
    private static final Set<String> UNPAIRED_BODY_PARTS = Set.of("ABDOMEN", "ABDOMENPELVIS", "AORTA", "BLADDER",
            "BRAIN", "CHEST", "CHESTABDOMEN", "CHESTABDPELVIS", "COCCYX", "CSPINE", "CTSPINE", "ESOPHAGUS", "FACE",
            "GALLBLADDER", "HEAD", "HEADNECK", "HEART", "JAW", "LIVER", "LSPINE", "LSSPINE", "MEDIASTINUM", "NECK",
            "PANCREAS", "PELVIS", "PROSTATE", "SACRUM", "SELLA", "SKULL", "SPINE", "SSPINE", "STOMACH", "THORAX",
            "TLSPINE", "TSPINE", "UTERUS");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyyMMdd");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HHmmss");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    private final Spool spool;
    private final Clock clock;
    private final OutputSeal seal;

    public SyntheticObjectWriter(Spool spool, Clock clock, OutputSeal seal) {
        this.spool = spool;
        this.clock = clock;
        this.seal = seal;
    }

    /**
     * Writes an inpainted, outpainted or erased image: the de-identified source's patient and
     * references, and its layout (on the grown canvas, for outpainting).
     */
    public SyntheticObject write(UUID jobId, String experiment, GeneratedImage generated) throws IOException, DicomException {
        DeidentifiedSource source = generated.input().image().source();
        CanvasGrowth growth = generated.input().growth();
        PixelLayout sourceLayout = generated.input().source().layout();
        SyntheticIdentity identity = SyntheticIdentity.of(experiment, source, generated.candidateIndex());
        PixelLayout layout = generated.input().image().layout();
        ImageDescription description = generated.input().image().description();
        ZonedDateTime now = ZonedDateTime.now(clock).withZoneSameInstant(ZoneOffset.UTC);
        GenerationOperation operation = generated.operation();
        GeneratorIdentity generator = generated.generator();
        Object samples = generated.storedSamples();
        Optional<PixelBox> label = BurnedInLabel.burn(samples, layout);

        AttributeList list = new AttributeList();
        putMarkers(list, identity, operation, now);
        putDeidentification(list, source);
        putSeries(list, identity, orDefault(description.modality(), "OT"), operation, generator);
        putBodyPart(list, description.bodyPartExamined(), description.laterality());
        putEquipment(list, generator, equipment(SYNTHESIZING_EQUIPMENT, generator.provider(), generator.model(),
                        generator.version(), now, "Generative " + lower(operation) + " of a masked region"),
                deidentifier(now));
        putImage(list, orDefault(description.instanceNumber(), "1"), now, "Generative " + lower(operation)
                + " of the masked region (" + generated.input().spec().text() + ") by " + generator.model()
                + "; every other pixel copied unchanged from the de-identified source"
                + (growth.isNone() ? "" : ", placed at column " + growth.left() + ", row " + growth.top())
                + label.map(box -> " except the burned-in label").orElse(""), jobId, experiment,
                derivationCodes(operation, generated.provenance().resampled()));
        putSourceReference(list, source, growth.left() == 0 && growth.top() == 0);

        putPixels(list, layout, samples);
        putDisplay(list, description);
        byte[] maskBits = MaskOverlay.writeTo(list, generated.input().mask(), "GENERATIVE " + operation + " REGION");
        GeneratedImage.Provenance asked = generated.provenance();
        new Provenance(generator.provider(), generator.model(), generator.version(), asked.prompt(),
                asked.negativePrompt(), asked.seed(), asked.sampling(), asked.requestId().orElse(""),
                asked.outcome().name(), Optional.of(Hashes.sha256(maskBits)),
                Optional.of(Hashes.samples(generated.input().source().storedSamples())), asked.exportWindow(), label,
                growth.isNone() ? Optional.empty() : Optional.of(new PixelBox(growth.left(), growth.top(),
                        sourceLayout.columns(), sourceLayout.rows())),
                Optional.of(generated.metrics()), asked.method()).writeTo(list);
        new Lineage(generated.stages(), generated.steps(), source.burnedInTextRisk()).writeTo(list);
        return commit(list, jobId, identity, samples);
    }

    /**
     * Writes a generated frame stack as a multi-frame Secondary Capture (Grayscale Byte, Grayscale
     * Word or True Color, by the source's layout). The header is written first; the frames are then
     * streamed from the generate step's temporary file, the label burned into each, so a stack of any
     * length passes through one frame at a time. The mask goes into the provenance hash only: overlay
     * planes are for single frames.
     */
    public SyntheticObject writeStack(UUID jobId, String experiment, GeneratedStack generated)
            throws IOException, DicomException, UnsupportedSourceException {
        FrameStack stack = generated.input().stack();
        DeidentifiedSource source = stack.source();
        PixelLayout layout = stack.layout();
        String sopClass = multiFrameClass(layout, source);
        SyntheticIdentity identity = SyntheticIdentity.of(experiment, source);
        ImageDescription description = stack.description();
        ZonedDateTime now = ZonedDateTime.now(clock).withZoneSameInstant(ZoneOffset.UTC);
        GenerationOperation operation = generated.operation();
        GeneratorIdentity generator = generated.generator();
        long frameBytes = stack.frameBytes();

        Object firstFrame = StoredSamples.readFrame(generated.frames(), 0, layout);
        Optional<PixelBox> label = BurnedInLabel.burn(firstFrame, layout);

        AttributeList list = new AttributeList();
        putMarkers(list, identity, operation, now);
        Attributes.put(list, new UniqueIdentifierAttribute(TagFromName.SOPClassUID), sopClass);
        putDeidentification(list, source);
        putSeries(list, identity, orDefault(description.modality(), "OT"), operation, generator);
        putBodyPart(list, description.bodyPartExamined(), description.laterality());
        putEquipment(list, generator, equipment(SYNTHESIZING_EQUIPMENT, generator.provider(), generator.model(),
                        generator.version(), now, "Generative " + lower(operation) + " of a masked region in every frame"),
                deidentifier(now));
        putImage(list, orDefault(description.instanceNumber(), "1"), now, "Generative " + lower(operation)
                + " of the masked region (" + generated.input().spec().text() + ") of each of " + stack.frames()
                + " frames by " + generator.model() + "; every other pixel copied unchanged from the de-identified"
                + " source" + label.map(box -> " except the burned-in label").orElse(""), jobId, experiment,
                derivationCodes(operation, generated.provenance().resampled()));
        putSourceReference(list, source, true);
        putPixelModule(list, layout);
        Attributes.put(list, new IntegerStringAttribute(TagFromName.NumberOfFrames), Integer.toString(stack.frames()));
        AttributeTagAttribute frameIncrement = new AttributeTagAttribute(TagFromName.FrameIncrementPointer);
        frameIncrement.addValue(TagFromName.PageNumberVector);
        list.put(frameIncrement);
        String[] pages = new String[stack.frames()];
        Arrays.setAll(pages, i -> Integer.toString(i + 1));
        Attributes.put(list, new IntegerStringAttribute(TagFromName.PageNumberVector), pages);
        if (layout.samplesPerPixel() == 1) {
            Attributes.put(list, new CodeStringAttribute(TagFromName.PresentationLUTShape), "IDENTITY");
            Attributes.put(list, new DecimalStringAttribute(TagFromName.RescaleIntercept),
                    orDefault(description.rescaleIntercept(), "0"));
            Attributes.put(list, new DecimalStringAttribute(TagFromName.RescaleSlope), orDefault(description.rescaleSlope(), "1"));
            Attributes.put(list, new LongStringAttribute(TagFromName.RescaleType), orDefault(description.rescaleType(), "US"));
        }
        putDisplay(list, description);
        GeneratedImage.Provenance asked = generated.provenance();
        new Provenance(generator.provider(), generator.model(), generator.version(), asked.prompt(),
                asked.negativePrompt(), asked.seed(), asked.sampling(), asked.requestId().orElse(""),
                asked.outcome().name(), Optional.of(Hashes.sha256(MaskOverlay.packBits(generated.input().mask()))),
                Optional.of(Hashes.sha256(source.file(), stack.pixelDataOffset(), frameBytes * stack.frames())),
                asked.exportWindow(), label, Optional.empty(), Optional.of(generated.metrics()), asked.method()).writeTo(list);

        FileMetaInformation.addFileMetaInformation(list, TransferSyntax.ExplicitVRLittleEndian, IMPLEMENTATION_AE);
        Path temporary = spool.newTemporaryFile();
        try {
            list.write(temporary.toFile(), TransferSyntax.ExplicitVRLittleEndian, true, true);
            appendPixelData(temporary, generated.frames(), stack.frames(), layout, frameBytes, firstFrame, label);
            Path target = spool.outbound().resolve(jobId.toString()).resolve(identity.sopInstanceUid() + ".dcm");
            spool.commit(temporary, target);
            return new SyntheticObject(new SopInstanceUid(identity.sopInstanceUid()), sopClass, target);
        } finally {
            spool.discard(temporary);
            spool.discard(generated.frames());
        }
    }

    /** The multi-frame Secondary Capture class that holds this layout; none holds 16-bit colour or MONOCHROME1. */
    private static String multiFrameClass(PixelLayout layout, DeidentifiedSource source) throws UnsupportedSourceException {
        if (layout.samplesPerPixel() == 1 && "MONOCHROME2".equals(layout.photometricInterpretation())) {
            return layout.bitsAllocated() == 8 ? SOPClass.MultiframeGrayscaleByteSecondaryCaptureImageStorage
                    : SOPClass.MultiframeGrayscaleWordSecondaryCaptureImageStorage;
        }
        if (layout.samplesPerPixel() == 3 && layout.bitsAllocated() == 8 && "RGB".equals(layout.photometricInterpretation())) {
            return SOPClass.MultiframeTrueColorSecondaryCaptureImageStorage;
        }
        throw new UnsupportedSourceException("SOP Instance " + source.original() + " is a stack of "
                + layout.photometricInterpretation() + " " + layout.bitsAllocated() + "-bit frames; no multi-frame"
                + " Secondary Capture class holds that (they take MONOCHROME2 8 or 16 bits, or RGB 8 bits)");
    }

    /** Appends Pixel Data to the written header: the frames, one at a time, each with the label burned in. */
    private static void appendPixelData(Path object, Path frames, int frameCount, PixelLayout layout, long frameBytes,
            Object firstFrame, Optional<PixelBox> label) throws IOException {
        long length = frameBytes * frameCount;
        long padded = length + (length % 2);
        if (padded > 0xFFFFFFFEL) {
            throw new IOException("Pixel Data of " + padded + " bytes does not fit a 32-bit value length");
        }
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(object, StandardOpenOption.APPEND))) {
            out.write(PixelDataElement.header(layout.bitsAllocated() == 16, padded));
            out.write(StoredSamples.littleEndianBytes(firstFrame));
            for (int index = 1; index < frameCount; index++) {
                Object frame = StoredSamples.readFrame(frames, index * frameBytes, layout);
                label.ifPresent(box -> BurnedInLabel.burnAt(frame, layout, box));
                out.write(StoredSamples.littleEndianBytes(frame));
            }
            if (padded != length) {
                out.write(0);
            }
        }
    }

    /**
     * Writes a text-to-image candidate: modality OT, 8-bit grayscale at the generator's size, and a
     * synthetic patient ({@code SYNTHETIC^TXT2IMG}, ID {@code SYN-<run>}) because no identity ever
     * existed, so no de-identification attributes and no source reference.
     */
    public SyntheticObject writeText(UUID jobId, String experiment, GeneratedText text) throws IOException, DicomException {
        SyntheticIdentity identity = SyntheticIdentity.ofText(text);
        PixelLayout layout = new PixelLayout(text.rows(), text.columns(), 1, 8, 8, 7, false, "MONOCHROME2");
        ZonedDateTime now = ZonedDateTime.now(clock).withZoneSameInstant(ZoneOffset.UTC);
        GeneratorIdentity generator = text.generator();
        byte[] samples = text.samples().clone();
        Optional<PixelBox> label = BurnedInLabel.burn(samples, layout);

        AttributeList list = new AttributeList();
        putMarkers(list, identity, GenerationOperation.TXT2IMG, now);
        putSeries(list, identity, "OT", GenerationOperation.TXT2IMG, generator);
        putBodyPart(list, BodyParts.code(text.prompt().bodyPart()).orElse(null), null);
        putEquipment(list, generator, equipment(SYNTHESIZING_EQUIPMENT, generator.provider(), generator.model(),
                generator.version(), now, "Generative text-to-image synthesis"));
        putImage(list, Integer.toString(text.candidateIndex() + 1), now, "Generative text-to-image synthesis by "
                + generator.model() + " from a text prompt; no source image, the patient is synthetic", jobId, experiment,
                new CodedConcept[] {derivation(GenerationOperation.TXT2IMG)});

        putPixels(list, layout, samples);
        GeneratedImage.Provenance asked = text.provenance();
        new Provenance(generator.provider(), generator.model(), generator.version(), asked.prompt(),
                asked.negativePrompt(), asked.seed(), asked.sampling(), asked.requestId().orElse(""),
                asked.outcome().name(), Optional.empty(), Optional.empty(), Optional.empty(), label, Optional.empty(),
                Optional.empty(), asked.method()).writeTo(list);
        return commit(list, jobId, identity, samples);
    }

    /** The de-identification the source went through, which the synthetic object inherits. */
    private static void putDeidentification(AttributeList list, DeidentifiedSource source) throws DicomException {
        Attributes.put(list, new CodeStringAttribute(TagFromName.PatientIdentityRemoved), "YES");
        Attributes.put(list, new LongStringAttribute(TagFromName.DeidentificationMethod), source.deidentificationMethod());
        list.put(Attributes.sequence(TagFromName.DeidentificationMethodCodeSequence,
                source.deidentificationMethodCodes().stream().map(SyntheticObjectWriter::code).toArray(AttributeList[]::new)));
    }

    private static AttributeList deidentifier(ZonedDateTime now) throws DicomException {
        return equipment(DEIDENTIFYING_EQUIPMENT, "SynthGate", "SynthGate de-identifier", VERSION, now,
                "PS3.15 Basic Application Level Confidentiality Profile");
    }

    private static CodedConcept[] derivationCodes(GenerationOperation operation, boolean resampled) {
        return resampled ? new CodedConcept[] {derivation(operation), SPATIAL_RESAMPLING}
                : new CodedConcept[] {derivation(operation)};
    }

    /** SOP Common and the synthetic markers, and the patient and study every synthetic object carries. */
    private static void putMarkers(AttributeList list, SyntheticIdentity identity, GenerationOperation operation,
            ZonedDateTime now) throws DicomException {
        Attributes.put(list, new CodeStringAttribute(TagFromName.SpecificCharacterSet), "ISO_IR 192");
        Attributes.put(list, new UniqueIdentifierAttribute(TagFromName.SOPClassUID), SOPClass.SecondaryCaptureImageStorage);
        Attributes.put(list, new UniqueIdentifierAttribute(TagFromName.SOPInstanceUID), identity.sopInstanceUid());
        Attributes.put(list, new CodeStringAttribute(SYNTHETIC_DATA), "YES");
        Attributes.put(list, new CodeStringAttribute(TagFromName.ImageType), "DERIVED", "SECONDARY", "SYNTHETIC",
                operation.name());
        Attributes.put(list, new CodeStringAttribute(TagFromName.ContentQualification), "RESEARCH");
        Attributes.put(list, new DateAttribute(TagFromName.InstanceCreationDate), now.format(DATE));
        Attributes.put(list, new TimeAttribute(TagFromName.InstanceCreationTime), now.format(TIME));

        Attributes.put(list, new PersonNameAttribute(TagFromName.PatientName), identity.patientName());
        Attributes.put(list, new LongStringAttribute(TagFromName.PatientID), identity.patientId());
        Attributes.put(list, new DateAttribute(TagFromName.PatientBirthDate));
        Attributes.put(list, new CodeStringAttribute(TagFromName.PatientSex));

        Attributes.put(list, new UniqueIdentifierAttribute(TagFromName.StudyInstanceUID), identity.studyInstanceUid());
        Attributes.put(list, new DateAttribute(TagFromName.StudyDate), now.format(DATE));
        Attributes.put(list, new TimeAttribute(TagFromName.StudyTime), now.format(TIME));
        Attributes.put(list, new PersonNameAttribute(TagFromName.ReferringPhysicianName));
        Attributes.put(list, new ShortStringAttribute(TagFromName.StudyID), "SYN");
        Attributes.put(list, new ShortStringAttribute(TagFromName.AccessionNumber));
        Attributes.put(list, new LongStringAttribute(TagFromName.StudyDescription), "SYNTHETIC AI-GENERATED (RESEARCH)");
    }

    private static void putSeries(AttributeList list, SyntheticIdentity identity, String modality,
            GenerationOperation operation, GeneratorIdentity generator) throws DicomException {
        Attributes.put(list, new UniqueIdentifierAttribute(TagFromName.SeriesInstanceUID), identity.seriesInstanceUid());
        Attributes.put(list, new CodeStringAttribute(TagFromName.Modality), modality);
        Attributes.put(list, new IntegerStringAttribute(TagFromName.SeriesNumber), "9001");
        Attributes.put(list, new LongStringAttribute(TagFromName.SeriesDescription), seriesDescription(operation, generator.model()));
    }

    /**
     * The series' warning, always whole within Long String's 64 characters: with the model's name
     * where it fits, else without it (the provenance and Contributing Equipment name it anyway), so
     * the warning is never cut to "NOT FOR DIAGNOSI".
     */
    static String seriesDescription(GenerationOperation operation, String model) {
        String withModel = "SYNTHETIC AI-" + operation.name() + " " + model + " NOT FOR DIAGNOSIS";
        return withModel.length() <= 64 ? withModel : "SYNTHETIC AI-" + operation.name() + " NOT FOR DIAGNOSIS";
    }

    /** Body Part Examined when known, and Laterality unless the body part is an unpaired one (General Series, Type 2C). */
    private static void putBodyPart(AttributeList list, String bodyPart, String laterality) throws DicomException {
        if (bodyPart != null) {
            Attributes.put(list, new CodeStringAttribute(TagFromName.BodyPartExamined), bodyPart);
        }
        if (!UNPAIRED_BODY_PARTS.contains(String.valueOf(bodyPart))) {
            Attributes.put(list, new CodeStringAttribute(TagFromName.Laterality),
                    "L".equals(laterality) || "R".equals(laterality) ? new String[] {laterality} : new String[0]);
        }
    }

    private static void putEquipment(AttributeList list, GeneratorIdentity generator, AttributeList... contributors)
            throws DicomException {
        Attributes.put(list, new LongStringAttribute(TagFromName.Manufacturer), generator.provider());
        Attributes.put(list, new CodeStringAttribute(TagFromName.ConversionType), "SYN");
        Attributes.put(list, new LongStringAttribute(TagFromName.SecondaryCaptureDeviceManufacturer), "SynthGate");
        Attributes.put(list, new LongStringAttribute(TagFromName.SecondaryCaptureDeviceManufacturerModelName),
                "SynthGate gateway");
        Attributes.put(list, new LongStringAttribute(TagFromName.SecondaryCaptureDeviceSoftwareVersions), VERSION);
        list.put(Attributes.sequence(TagFromName.ContributingEquipmentSequence, contributors));
    }

    /** General Image and SC Image attributes: numbering, content time, derivation, disclaimer. */
    private static void putImage(AttributeList list, String instanceNumber, ZonedDateTime now, String derivation,
            UUID jobId, String experiment, CodedConcept[] derivationCodes) throws DicomException {
        Attributes.put(list, new IntegerStringAttribute(TagFromName.InstanceNumber), instanceNumber);
        Attributes.put(list, new CodeStringAttribute(TagFromName.PatientOrientation));
        Attributes.put(list, new DateAttribute(TagFromName.ContentDate), now.format(DATE));
        Attributes.put(list, new TimeAttribute(TagFromName.ContentTime), now.format(TIME));
        Attributes.put(list, new CodeStringAttribute(TagFromName.BurnedInAnnotation), "NO");
        Attributes.put(list, new ShortTextAttribute(TagFromName.DerivationDescription), truncate(derivation, 1024));
        list.put(Attributes.sequence(TagFromName.DerivationCodeSequence,
                Arrays.stream(derivationCodes).map(SyntheticObjectWriter::code).toArray(AttributeList[]::new)));
        list.put(Attributes.sequence(TagFromName.CodingSchemeIdentificationSequence, localCodingScheme()));
        Attributes.put(list, new LongTextAttribute(TagFromName.ImageComments), "SYNTHETIC IMAGE - AI GENERATED - "
                + "NOT FOR DIAGNOSIS. Made by SynthGate job " + jobId + ", experiment " + experiment + ".");
    }

    /** Writes the object to a temporary file and commits it into the job's outbound folder. */
    /** Seals the object (so that it is recognised when sent back in) and writes it to the outbound spool. */
    private SyntheticObject commit(AttributeList list, UUID jobId, SyntheticIdentity identity, Object samples)
            throws IOException, DicomException {
        Attributes.put(list, new LongStringAttribute(OutputSeal.SEAL), seal.seal(list, samples));
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

    private static String lower(GenerationOperation operation) {
        return operation.name().toLowerCase(java.util.Locale.ROOT);
    }

    private static CodedConcept derivation(GenerationOperation operation) {
        return switch (operation) {
            case INPAINT -> new CodedConcept("GEN-INPAINT", LOCAL_SCHEME, "Generative inpainting");
            case ERASE -> new CodedConcept("GEN-ERASE", LOCAL_SCHEME, "Generative erasing of an element");
            case OUTPAINT -> new CodedConcept("GEN-OUTPAINT", LOCAL_SCHEME, "Generative outpainting");
            case TXT2IMG -> new CodedConcept("GEN-TXT2IMG", LOCAL_SCHEME, "Generative text-to-image synthesis");
        };
    }

    private static AttributeList localCodingScheme() throws DicomException {
        AttributeList item = new AttributeList();
        Attributes.put(item, new ShortStringAttribute(TagFromName.CodingSchemeDesignator), LOCAL_SCHEME);
        Attributes.put(item, new ShortTextAttribute(TagFromName.CodingSchemeName), "SynthGate local codes");
        Attributes.put(item, new ShortTextAttribute(TagFromName.CodingSchemeResponsibleOrganization), "SynthGate");
        return item;
    }

    private static AttributeList equipment(CodedConcept purpose, String manufacturer, String model, String version,
            ZonedDateTime when, String contribution) throws DicomException {
        AttributeList item = new AttributeList();
        item.put(Attributes.sequence(TagFromName.PurposeOfReferenceCodeSequence, code(purpose)));
        Attributes.put(item, new LongStringAttribute(TagFromName.Manufacturer), manufacturer);
        Attributes.put(item, new LongStringAttribute(TagFromName.ManufacturerModelName), model);
        Attributes.put(item, new LongStringAttribute(TagFromName.SoftwareVersions), version);
        Attributes.put(item, new DateTimeAttribute(CONTRIBUTION_DATE_TIME), when.format(DATE_TIME));
        Attributes.put(item, new ShortTextAttribute(TagFromName.ContributionDescription), contribution);
        return item;
    }

    /**
     * Source Image Sequence, and the Common Instance Reference to the source's (other) study. Spatial
     * locations are preserved unless outpainting moved the source's pixels right or down.
     */
    private static void putSourceReference(AttributeList list, DeidentifiedSource source, boolean spatialLocationsPreserved)
            throws DicomException {
        AttributeList reference = new AttributeList();
        Attributes.put(reference, new UniqueIdentifierAttribute(TagFromName.ReferencedSOPClassUID), source.sopClassUid());
        Attributes.put(reference, new UniqueIdentifierAttribute(TagFromName.ReferencedSOPInstanceUID), source.sopInstanceUid());
        reference.put(Attributes.sequence(TagFromName.PurposeOfReferenceCodeSequence, code(SOURCE_FOR_PROCESSING)));
        Attributes.put(reference, new CodeStringAttribute(TagFromName.SpatialLocationsPreserved),
                spatialLocationsPreserved ? "YES" : "NO");
        list.put(Attributes.sequence(TagFromName.SourceImageSequence, reference));

        AttributeList instance = new AttributeList();
        Attributes.put(instance, new UniqueIdentifierAttribute(TagFromName.ReferencedSOPClassUID), source.sopClassUid());
        Attributes.put(instance, new UniqueIdentifierAttribute(TagFromName.ReferencedSOPInstanceUID), source.sopInstanceUid());
        AttributeList series = new AttributeList();
        Attributes.put(series, new UniqueIdentifierAttribute(TagFromName.SeriesInstanceUID), source.seriesInstanceUid());
        series.put(Attributes.sequence(TagFromName.ReferencedInstanceSequence, instance));
        AttributeList study = new AttributeList();
        Attributes.put(study, new UniqueIdentifierAttribute(TagFromName.StudyInstanceUID), source.studyInstanceUid());
        study.put(Attributes.sequence(TagFromName.ReferencedSeriesSequence, series));
        list.put(Attributes.sequence(STUDIES_CONTAINING_OTHER_REFERENCED_INSTANCES, study));
    }

    private static AttributeList code(CodedConcept concept) {
        try {
            return Attributes.code(concept);
        } catch (DicomException e) {
            throw new IllegalArgumentException("Code " + concept + " cannot be encoded", e);
        }
    }

    private static void putPixels(AttributeList list, PixelLayout layout, Object samples) throws DicomException {
        putPixelModule(list, layout);
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

    /** The Image Pixel module's description of the pixels (colour always written colour-by-pixel). */
    private static void putPixelModule(AttributeList list, PixelLayout layout) throws DicomException {
        Attributes.put(list, new UnsignedShortAttribute(TagFromName.Rows), Integer.toString(layout.rows()));
        Attributes.put(list, new UnsignedShortAttribute(TagFromName.Columns), Integer.toString(layout.columns()));
        Attributes.put(list, new UnsignedShortAttribute(TagFromName.SamplesPerPixel), Integer.toString(layout.samplesPerPixel()));
        Attributes.put(list, new CodeStringAttribute(TagFromName.PhotometricInterpretation), layout.photometricInterpretation());
        Attributes.put(list, new UnsignedShortAttribute(TagFromName.BitsAllocated), Integer.toString(layout.bitsAllocated()));
        Attributes.put(list, new UnsignedShortAttribute(TagFromName.BitsStored), Integer.toString(layout.bitsStored()));
        Attributes.put(list, new UnsignedShortAttribute(TagFromName.HighBit), Integer.toString(layout.highBit()));
        Attributes.put(list, new UnsignedShortAttribute(TagFromName.PixelRepresentation), layout.signed() ? "1" : "0");
        if (layout.samplesPerPixel() > 1) {
            Attributes.put(list, new UnsignedShortAttribute(TagFromName.PlanarConfiguration), "0");
        }
    }

    /**
     * Keeps the source's rescale or Modality LUT, its windows and VOI LUT so viewers show the
     * synthetic image as they showed the source, and its pixel spacing, which no operation changes
     * (none resamples the pixel grid).
     */
    private static void putDisplay(AttributeList list, ImageDescription description) throws DicomException {
        boolean modalityLut = false;
        for (Attribute table : description.lookupTables().values()) {
            // Rescale and a Modality LUT Sequence exclude each other (PS3.3 C.11.1): a stack's IOD requires
            // the rescale, which it already has; otherwise the table, which maps values as the source did.
            boolean isModalityLut = table.getTag().equals(ImageDescription.MODALITY_LUT_SEQUENCE);
            if (!isModalityLut || list.get(TagFromName.RescaleSlope) == null) {
                list.put(table);
                modalityLut |= isModalityLut;
            }
        }
        if (description.pixelSpacing() != null) {
            Attributes.put(list, new DecimalStringAttribute(TagFromName.PixelSpacing), description.pixelSpacing().split("\\\\"));
        }
        if (!modalityLut && description.rescaleIntercept() != null && description.rescaleSlope() != null) {
            Attributes.put(list, new DecimalStringAttribute(TagFromName.RescaleIntercept), description.rescaleIntercept());
            Attributes.put(list, new DecimalStringAttribute(TagFromName.RescaleSlope), description.rescaleSlope());
            Attributes.put(list, new LongStringAttribute(TagFromName.RescaleType), orDefault(description.rescaleType(), "US"));
        }
        if (description.windowCenter() != null && description.windowWidth() != null) {
            Attributes.put(list, new DecimalStringAttribute(TagFromName.WindowCenter), description.windowCenter().split("\\\\"));
            Attributes.put(list, new DecimalStringAttribute(TagFromName.WindowWidth), description.windowWidth().split("\\\\"));
        }
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }

    private static String truncate(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }
}
