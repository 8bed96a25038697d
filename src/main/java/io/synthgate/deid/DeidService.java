package io.synthgate.deid;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.FileMetaInformation;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.dicom.TransferSyntax;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.synthgate.dicom.UnsupportedSourceException;
import io.synthgate.pixels.NativeTranscoder;
import io.synthgate.spool.Spool;
import io.synthgate.study.SourceInstance;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * De-identifies one stored instance into {@code spool/deidentified/}: pixel data decompressed to
 * Explicit VR Little Endian, attributes cleaned by {@link Deidentifier}, the pseudonym recorded in
 * the re-identification table. Everything downstream (decoding, generators, wrapping) reads this
 * copy, never the clinical one.
 */
@ApplicationScoped
public class DeidService {

    private static final String SECONDARY_CAPTURE_PREFIX = "1.2.840.10008.5.1.4.1.1.7";

    private final Deidentifier deidentifier;
    private final NativeTranscoder transcoder;
    private final Pseudonyms pseudonyms;
    private final ReidentificationRepository reidentification;
    private final Spool spool;
    private final Clock clock;
    private final Set<String> burnedInTextModalities;

    public DeidService(Deidentifier deidentifier, NativeTranscoder transcoder, Pseudonyms pseudonyms, ReidentificationRepository reidentification,
            Spool spool, Clock clock, DeidConfig config) {
        this.deidentifier = deidentifier;
        this.transcoder = transcoder;
        this.pseudonyms = pseudonyms;
        this.reidentification = reidentification;
        this.spool = spool;
        this.clock = clock;
        this.burnedInTextModalities = config.burnedInTextModalities().stream()
                .map(m -> m.strip().toUpperCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }

    public DeidentifiedSource deidentify(SourceInstance source) throws UnsupportedSourceException, IOException {
        AttributeList list = read(source);
        String issuer = Attribute.getSingleStringValueOrNull(list, TagFromName.IssuerOfPatientID);
        String patientId = Attribute.getSingleStringValueOrEmptyString(list, TagFromName.PatientID);
        String patientName = Attribute.getSingleStringValueOrEmptyString(list, TagFromName.PatientName);
        String modality = Attribute.getSingleStringValueOrNull(list, TagFromName.Modality);
        String sopClass = Attribute.getSingleStringValueOrEmptyString(list, TagFromName.SOPClassUID);
        boolean burnedIn = "YES".equalsIgnoreCase(Attribute.getSingleStringValueOrEmptyString(list,
                TagFromName.BurnedInAnnotation)) || (modality != null && burnedInTextModalities.contains(modality))
                || sopClass.startsWith(SECONDARY_CAPTURE_PREFIX);
        String pseudonym = pseudonyms.patient(issuer, patientId);
        int shift = pseudonyms.dateShiftDays(issuer, patientId);
        rememberPatient(pseudonym, issuer, patientId, patientName, shift);
        try {
            deidentifier.apply(list, pseudonym, shift, pseudonyms::uid);
            String sop = Attribute.getSingleStringValueOrEmptyString(list, TagFromName.SOPInstanceUID);
            String study = Attribute.getSingleStringValueOrEmptyString(list, TagFromName.StudyInstanceUID);
            list.removeMetaInformationHeaderAttributes();
            FileMetaInformation.addFileMetaInformation(list, TransferSyntax.ExplicitVRLittleEndian, "SYNTHGATE");
            Path temporary = spool.newTemporaryFile();
            try {
                list.write(temporary.toFile(), TransferSyntax.ExplicitVRLittleEndian, true, true);
                Path target = spool.deidentified().resolve(study).resolve(sop + ".dcm");
                spool.commit(temporary, target);
                return new DeidentifiedSource(source.sopInstanceUid(), target, sopClass, study,
                        Attribute.getSingleStringValueOrEmptyString(list, TagFromName.SeriesInstanceUID), sop, pseudonym,
                        modality, burnedIn,
                        Attribute.getDelimitedStringValuesOrEmptyString(list, TagFromName.DeidentificationMethod),
                        Deidentifier.methodCodes(list));
            } finally {
                spool.discard(temporary);
            }
        } catch (DicomException e) {
            throw new UnsupportedSourceException("SOP Instance " + source.sopInstanceUid()
                    + " cannot be de-identified: " + e.getMessage(), e);
        }
    }

    private AttributeList read(SourceInstance source) throws UnsupportedSourceException, IOException {
        Path file = source.file();
        Path decompressed = null;
        try {
            AttributeList meta = new AttributeList();
            meta.readOnlyMetaInformationHeader(file.toFile());
            String syntax = Attribute.getSingleStringValueOrEmptyString(meta, TagFromName.TransferSyntaxUID);
            if (transcoder.handles(syntax)) {
                decompressed = transcoder.decompress(file, syntax);
                file = decompressed;
            }
            AttributeList list = new AttributeList();
            list.read(file.toFile());
            list.correctDecompressedImagePixelModule();
            list.insertLossyImageCompressionHistoryIfDecompressed();
            return list;
        } catch (DicomException | RuntimeException e) {
            throw new UnsupportedSourceException("SOP Instance " + source.sopInstanceUid() + " cannot be read: " + e, e);
        } finally {
            if (decompressed != null) {
                spool.discard(decompressed);
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
