package io.synthgate.deid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.TagFromName;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.synthgate.dicom.SopInstanceUid;
import io.synthgate.dicom.StudyInstanceUid;
import io.synthgate.study.SourceInstance;
import io.synthgate.testing.TestFiles;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DeidServiceTest {

    private static final DateTimeFormatter DA = DateTimeFormatter.BASIC_ISO_DATE;

    @Inject
    DeidService deid;
    @Inject
    ReidentificationRepository reidentification;

    @Test
    void removesIdentityReplacesUidsAndRecordsTheProfile() throws Exception {
        Path file = TestFiles.pydicom("CT_small.dcm");
        AttributeList original = read(file);
        DeidentifiedSource source = deid.deidentify(instance(file, original));
        AttributeList cleaned = read(source.file());

        String text = Files.readString(source.file(), java.nio.charset.StandardCharsets.ISO_8859_1);
        for (String identifying : List.of(
                Attribute.getSingleStringValueOrEmptyString(original, TagFromName.PatientName),
                Attribute.getSingleStringValueOrEmptyString(original, TagFromName.PatientID),
                Attribute.getSingleStringValueOrEmptyString(original, TagFromName.StudyInstanceUID),
                Attribute.getSingleStringValueOrEmptyString(original, TagFromName.SOPInstanceUID),
                Attribute.getSingleStringValueOrEmptyString(original, TagFromName.InstitutionName))) {
            assertFalse(identifying.isEmpty() || text.contains(identifying), "still in the de-identified copy: " + identifying);
        }
        assertEquals(source.patientPseudonym(), Attribute.getSingleStringValueOrEmptyString(cleaned, TagFromName.PatientID));
        assertEquals("YES", Attribute.getSingleStringValueOrEmptyString(cleaned, TagFromName.PatientIdentityRemoved));
        List<String> codes = source.deidentificationMethodCodes().stream().map(CodedConcept::value).toList();
        assertTrue(codes.contains("113100"), "Basic Profile recorded: " + codes);
        assertTrue(codes.contains("113107"), "Retain Longitudinal Modified Dates recorded: " + codes);
        assertEquals(Attribute.getSingleStringValueOrEmptyString(original, TagFromName.SOPClassUID), source.sopClassUid());
        assertTrue(source.sopInstanceUid().startsWith("2.25."), source.sopInstanceUid());
    }

    @Test
    void samePatientGetsTheSamePseudonymUidsAndDateShiftEveryTime() throws Exception {
        Path file = TestFiles.pydicom("CT_small.dcm");
        AttributeList original = read(file);
        DeidentifiedSource first = deid.deidentify(instance(file, original));
        DeidentifiedSource second = deid.deidentify(instance(file, original));
        assertEquals(first.patientPseudonym(), second.patientPseudonym());
        assertEquals(first.sopInstanceUid(), second.sopInstanceUid());

        LocalDate before = LocalDate.parse(Attribute.getSingleStringValueOrEmptyString(original, TagFromName.StudyDate), DA);
        LocalDate after = LocalDate.parse(Attribute.getSingleStringValueOrEmptyString(read(first.file()),
                TagFromName.StudyDate), DA);
        long shift = ChronoUnit.DAYS.between(after, before);
        ReidentificationEntity row = QuarkusTransaction.requiringNew().call(() -> reidentification.findById(first.patientPseudonym()));
        assertEquals(row.dateShiftDays, shift, "dates move back by the patient's recorded shift");
        assertTrue(shift >= 1 && shift <= 365, "shift " + shift);
        assertEquals(Attribute.getSingleStringValueOrEmptyString(original, TagFromName.PatientID), row.patientId,
                "the re-identification table links the pseudonym to the patient");
    }

    @Test
    void differentPatientsGetDifferentPseudonyms() throws Exception {
        Path ct = TestFiles.pydicom("CT_small.dcm");
        Path mr = TestFiles.pydicom("MR_small.dcm");
        assertNotEquals(deid.deidentify(instance(ct, read(ct))).patientPseudonym(),
                deid.deidentify(instance(mr, read(mr))).patientPseudonym());
    }

    @Test
    void flagsImagesThatMayCarryBurnedInText() throws Exception {
        Path secondaryCapture = TestFiles.pydicom("SC_rgb_small_odd.dcm");
        assertTrue(deid.deidentify(instance(secondaryCapture, read(secondaryCapture))).mayCarryBurnedInText(),
                "a secondary capture may carry burned-in text");
        Path ct = TestFiles.pydicom("CT_small.dcm");
        assertFalse(deid.deidentify(instance(ct, read(ct))).mayCarryBurnedInText());
    }

    private static AttributeList read(Path file) throws Exception {
        AttributeList list = new AttributeList();
        list.read(file.toFile());
        return list;
    }

    private static SourceInstance instance(Path file, AttributeList list) {
        return new SourceInstance(new StudyInstanceUid(Attribute.getSingleStringValueOrEmptyString(list, TagFromName.StudyInstanceUID)),
                Attribute.getSingleStringValueOrNull(list, TagFromName.SeriesInstanceUID),
                new SopInstanceUid(Attribute.getSingleStringValueOrEmptyString(list, TagFromName.SOPInstanceUID)),
                Attribute.getSingleStringValueOrEmptyString(list, TagFromName.SOPClassUID),
                Attribute.getSingleStringValueOrNull(list, TagFromName.Modality), file);
    }
}
