package io.synthgate.deid;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.FileMetaInformation;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.dicom.TransferSyntax;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.synthgate.dicom.DataSetStructure;
import io.synthgate.dicom.PixelDataElement;
import io.synthgate.dicom.UnsupportedSourceException;
import io.synthgate.mask.MaskSpec;
import io.synthgate.pipeline.DeidOptions;
import io.synthgate.pixels.NativeTranscoder;
import io.synthgate.pixels.PixelLayout;
import io.synthgate.pixels.StoredSamples;
import io.synthgate.spool.Spool;
import io.synthgate.study.SourceInstance;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * De-identifies one stored instance into {@code spool/deidentified/}: pixel data decompressed to
 * Explicit VR Little Endian, attributes cleaned by {@link Deidentifier}, the pseudonym recorded in
 * the re-identification table, and the regions of any covering {@link PixelCleaning} rule blanked.
 * Everything downstream (decoding, generators, wrapping) reads this copy, never the clinical one.
 */
@ApplicationScoped
public class DeidService {

    private static final Logger LOG = Logger.getLogger(DeidService.class);

    private static final String SECONDARY_CAPTURE_PREFIX = "1.2.840.10008.5.1.4.1.1.7";
    /** How De-identification Method names the blanking of a sealed output's label. */
    private static final String SEALED_LABEL_RULE = "SynthGate label";
    /**
     * Images of one patient are de-identified side by side; these locks make them add the patient to
     * the re-identification table one at a time in this process (other replicas still race, and
     * {@link #rememberPatient} tolerates that).
     */
    private static final Object[] PATIENT_LOCKS = java.util.stream.IntStream.range(0, 64).mapToObj(i -> new Object())
            .toArray();

    private final Deidentifier deidentifier;
    private final NativeTranscoder transcoder;
    private final Pseudonyms pseudonyms;
    private final ReidentificationRepository reidentification;
    private final Spool spool;
    private final Clock clock;
    private final Set<String> burnedInTextModalities;
    private final PixelCleaning pixelCleaning;
    private final DeidOptions defaultOptions;
    private final OutputSeal seal;

    public DeidService(Deidentifier deidentifier, NativeTranscoder transcoder, Pseudonyms pseudonyms, ReidentificationRepository reidentification,
            Spool spool, Clock clock, DeidConfig config, PixelCleaning pixelCleaning, OutputSeal seal) {
        this.deidentifier = deidentifier;
        this.seal = seal;
        this.pixelCleaning = pixelCleaning;
        this.transcoder = transcoder;
        this.pseudonyms = pseudonyms;
        this.reidentification = reidentification;
        this.spool = spool;
        this.clock = clock;
        this.burnedInTextModalities = config.burnedInTextModalities().stream()
                .map(m -> m.strip().toUpperCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        this.defaultOptions = config.defaults();
    }

    /** The options {@code synthgate.deid.retain-*} configure, which routes that name none get. */
    public DeidOptions defaultOptions() {
        return defaultOptions;
    }

    /** The instance's de-identified copy with the configured options. */
    public DeidentifiedSource deidentify(SourceInstance source) throws UnsupportedSourceException, IOException {
        return deidentify(source, defaultOptions);
    }

    /** The instance's de-identified copy, keeping what {@code options} retain beyond the Basic Profile. */
    public DeidentifiedSource deidentify(SourceInstance source, DeidOptions options)
            throws UnsupportedSourceException, IOException {
        Path decompressed = null;
        try {
            Path file = source.file();
            String syntax = transferSyntax(source, file);
            if (transcoder.handles(syntax)) {
                decompressed = transcoder.decompress(file, syntax);
                file = decompressed;
                syntax = transferSyntax(source, file);
            }
            AttributeList header = read(source, file, true);
            Optional<NativePixelData> streamed = streamable(header, file, syntax);
            return deidentify(source, options, streamed.isPresent() ? header : read(source, file, false), streamed);
        } finally {
            if (decompressed != null) {
                spool.discard(decompressed);
            }
        }
    }

    /** Why the object's pixels may carry burned-in text, read before de-identification changes anything. */
    private Optional<String> burnedInTextRisk(AttributeList list, String modality, String sopClass) {
        if ("YES".equalsIgnoreCase(Attribute.getSingleStringValueOrEmptyString(list, TagFromName.BurnedInAnnotation))) {
            return Optional.of("its Burned In Annotation (0028,0301) is YES");
        }
        if (sopClass.startsWith(SECONDARY_CAPTURE_PREFIX)) {
            return Optional.of("it is a Secondary Capture (SOP Class " + sopClass + "), a screen or scan that may show text");
        }
        if (modality != null && burnedInTextModalities.contains(modality)) {
            return Optional.of("its modality " + modality + " is one of synthgate.deid.burned-in-text-modalities");
        }
        return Optional.empty();
    }

    private DeidentifiedSource deidentify(SourceInstance source, DeidOptions options, AttributeList list,
            Optional<NativePixelData> streamed)
            throws UnsupportedSourceException, IOException {
        String original = source.sopInstanceUid().value();
        Optional<SealedOutput> sealed = streamed.isPresent()
                ? seal.verify(list, streamed.get().file(), streamed.get().offset(), original) : Optional.empty();
        String issuer = Attribute.getSingleStringValueOrNull(list, TagFromName.IssuerOfPatientID);
        String patientId = Attribute.getSingleStringValueOrEmptyString(list, TagFromName.PatientID);
        String patientName = Attribute.getSingleStringValueOrEmptyString(list, TagFromName.PatientName);
        String modality = Attribute.getSingleStringValueOrNull(list, TagFromName.Modality);
        String sopClass = Attribute.getSingleStringValueOrEmptyString(list, TagFromName.SOPClassUID);
        Optional<PixelCleaning.Cleaning> cleaning = sealed.isPresent() ? sealed.flatMap(DeidService::labelCleaning)
                : pixelCleaning.forObject(list);
        Optional<String> burnedInTextRisk = sealed.isPresent() ? sealed.get().burnedInTextRisk()
                : cleaning.isPresent() ? Optional.empty() : burnedInTextRisk(list, modality, sopClass);
        String pseudonym;
        int shift;
        UnaryOperator<String> uids;
        if (sealed.isPresent()) {
            // De-identified when this gateway wrote it: its pseudonym, dates and UIDs stay, so the next
            // step of a chain lands with the same patient and references the object it came from.
            LOG.infof("SOP Instance %s is a sealed SynthGate output: its pseudonym, dates and UIDs are kept", original);
            pseudonym = patientId;
            shift = 0;
            uids = UnaryOperator.identity();
        } else {
            pseudonym = pseudonyms.patient(issuer, patientId);
            shift = pseudonyms.dateShiftDays(issuer, patientId);
            uids = pseudonyms::uid;
            synchronized (PATIENT_LOCKS[Math.floorMod(pseudonym.hashCode(), PATIENT_LOCKS.length)]) {
                rememberPatient(pseudonym, issuer, patientId, patientName, shift);
            }
        }
        try {
            deidentifier.apply(list, options, pseudonym, shift, uids);
            String sop = Attribute.getSingleStringValueOrEmptyString(list, TagFromName.SOPInstanceUID);
            if (cleaning.isPresent()) {
                if (streamed.isEmpty()) {
                    blankInMemory(list, cleaning.get(), sop);
                }
                cleaning.get().record(list);
            }
            String study = Attribute.getSingleStringValueOrEmptyString(list, TagFromName.StudyInstanceUID);
            list.removeMetaInformationHeaderAttributes();
            FileMetaInformation.addFileMetaInformation(list, TransferSyntax.ExplicitVRLittleEndian, "SYNTHGATE");
            Path temporary = spool.newTemporaryFile();
            try {
                list.write(temporary.toFile(), TransferSyntax.ExplicitVRLittleEndian, true, true);
                if (streamed.isPresent()) {
                    streamed.get().appendTo(temporary, cleaning, sop);
                }
                Path target = spool.deidentified().resolve(study).resolve(sop + ".dcm");
                spool.commit(temporary, target);
                return new DeidentifiedSource(source.sopInstanceUid(), target, sopClass, study,
                        Attribute.getSingleStringValueOrEmptyString(list, TagFromName.SeriesInstanceUID), sop, pseudonym,
                        modality, burnedInTextRisk, cleaning.map(PixelCleaning.Cleaning::rules).orElse(List.of()),
                        Attribute.getDelimitedStringValuesOrEmptyString(list, TagFromName.DeidentificationMethod),
                        Deidentifier.methodCodes(list), sealed);
            } finally {
                spool.discard(temporary);
            }
        } catch (DicomException e) {
            throw new UnsupportedSourceException("SOP Instance " + source.sopInstanceUid()
                    + " cannot be de-identified: " + e.getMessage(), e);
        }
    }

    /** The burned-in label of a sealed output, blanked so that no generator ever reads it. */
    private static Optional<PixelCleaning.Cleaning> labelCleaning(SealedOutput sealed) {
        return sealed.label().map(box -> new PixelCleaning.Cleaning(List.of(SEALED_LABEL_RULE), MaskSpec.parse(
                "rectangle " + box.column() + " " + box.row() + " " + box.width() + " " + box.height())));
    }

    private static String transferSyntax(SourceInstance source, Path file) throws UnsupportedSourceException, IOException {
        try {
            AttributeList meta = new AttributeList();
            meta.readOnlyMetaInformationHeader(file.toFile());
            return Attribute.getSingleStringValueOrEmptyString(meta, TagFromName.TransferSyntaxUID);
        } catch (DicomException | RuntimeException e) {
            throw new UnsupportedSourceException("SOP Instance " + source.sopInstanceUid() + " cannot be read: " + e, e);
        }
    }

    /**
     * Where an object's native Pixel Data lies, when its frames can be copied as they are (little
     * endian, not encapsulated): such an object is de-identified from its header alone, its pixels
     * copied by the kernel (or frame by frame where a cleaning rule blanks regions), so neither a
     * stack nor a large radiograph is ever parsed into memory whole. Every other encoding is read and
     * rewritten by PixelMed.
     */
    private static Optional<NativePixelData> streamable(AttributeList header, Path file, String syntax)
            throws IOException {
        if (!TransferSyntax.ExplicitVRLittleEndian.equals(syntax) && !TransferSyntax.ImplicitVRLittleEndian.equals(syntax)) {
            return Optional.empty();
        }
        DataSetStructure.Result structure = DataSetStructure.walk(file, syntax);
        if (structure.fault() != null || structure.nativePixelDataOffset() < 0) {
            return Optional.empty();
        }
        boolean words = Attribute.getSingleIntegerValueOrDefault(header, TagFromName.BitsAllocated, 8) > 8;
        return Optional.of(new NativePixelData(file, structure.nativePixelDataOffset(), structure.nativePixelDataLength(),
                words, header));
    }

    private static AttributeList read(SourceInstance source, Path file, boolean headerOnly)
            throws UnsupportedSourceException, IOException {
        try {
            AttributeList list = new AttributeList();
            if (headerOnly) {
                list.read(file.toFile(), TagFromName.PixelData);
                return list;
            }
            list.read(file.toFile());
            list.correctDecompressedImagePixelModule();
            list.insertLossyImageCompressionHistoryIfDecompressed();
            return list;
        } catch (DicomException | RuntimeException e) {
            throw new UnsupportedSourceException("SOP Instance " + source.sopInstanceUid() + " cannot be read: " + e, e);
        }
    }

    /** Blanks the cleaning's regions in Pixel Data read into memory; an unusable layout fails the instance. */
    private static void blankInMemory(AttributeList list, PixelCleaning.Cleaning cleaning, String sop)
            throws DicomException, UnsupportedSourceException {
        try {
            int blanked = cleaning.blankPixelData(list);
            LOG.infof("De-identified SOP Instance %s: %s, %d pixels blanked per frame", sop, cleaning.description(), blanked);
        } catch (IllegalArgumentException e) {
            throw new UnsupportedSourceException("De-identified SOP Instance " + sop + " cannot be " + cleaning.description()
                    + ": " + e.getMessage(), e);
        }
    }

    private static boolean planar(AttributeList list, PixelLayout layout) {
        return layout.samplesPerPixel() > 1 && Attribute.getSingleIntegerValueOrDefault(list, TagFromName.PlanarConfiguration, 0) == 1;
    }

    /**
     * A native Pixel Data value in a file, copied block by block behind a de-identified header; when
     * a rule cleans it, frame by frame with the regions blanked, so a stack is never held whole.
     */
    private record NativePixelData(Path file, long offset, long length, boolean words, AttributeList header) {

        void appendTo(Path object, Optional<PixelCleaning.Cleaning> cleaning, String sop) throws IOException {
            try (FileChannel from = FileChannel.open(file, StandardOpenOption.READ);
                    FileChannel to = FileChannel.open(object, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
                write(to, ByteBuffer.wrap(PixelDataElement.header(words, length)));
                long copied = cleaning.isPresent() ? copyCleaned(to, cleaning.get(), sop) : 0;
                while (copied < length) {
                    long moved = from.transferTo(offset + copied, length - copied, to);
                    if (moved <= 0) {
                        throw new IOException(file + " ends inside its Pixel Data");
                    }
                    copied += moved;
                }
            }
        }

        /** Writes every frame with the cleaning's regions blanked; returns the bytes written. */
        private long copyCleaned(FileChannel to, PixelCleaning.Cleaning cleaning, String sop) throws IOException {
            PixelLayout layout = PixelLayout.of(header);
            int frames = Attribute.getSingleIntegerValueOrDefault(header, TagFromName.NumberOfFrames, 1);
            long frameBytes = (long) layout.pixelCount() * layout.samplesPerPixel() * (layout.bitsAllocated() / 8);
            if (frames * frameBytes > length) {
                throw new IOException(file + ": Pixel Data of " + length + " bytes is shorter than its " + frames + " frames");
            }
            int blanked = 0;
            for (int frame = 0; frame < frames; frame++) {
                Object samples = StoredSamples.readFrame(file, offset + frame * frameBytes, layout);
                blanked = cleaning.blank(samples, layout, 1, planar(header, layout));
                write(to, ByteBuffer.wrap(StoredSamples.littleEndianBytes(samples)));
            }
            LOG.infof("De-identified SOP Instance %s: %s, %d pixels blanked on each of %d frames", sop,
                    cleaning.description(), blanked, frames);
            return frames * frameBytes;
        }

        private static void write(FileChannel to, ByteBuffer bytes) throws IOException {
            while (bytes.hasRemaining()) {
                to.write(bytes);
            }
        }
    }

    /**
     * Adds the patient to the re-identification table once. Two jobs of one patient may race to add
     * the same row; the loser finds it there, which is all that matters.
     */
    private void rememberPatient(String pseudonym, String issuer, String patientId, String patientName, int shift) {
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                if (reidentification.findById(pseudonym) == null) {
                    ReidentificationEntity row = new ReidentificationEntity();
                    row.pseudonym = pseudonym;
                    row.issuerOfPatientId = issuer;
                    row.patientId = patientId;
                    row.patientName = patientName;
                    row.dateShiftDays = shift;
                    row.firstSeenAt = clock.instant();
                    reidentification.persist(row);
                }
            });
        } catch (RuntimeException raced) {
            if (QuarkusTransaction.requiringNew().call(() -> reidentification.findById(pseudonym)) == null) {
                throw raced;
            }
        }
    }
}
