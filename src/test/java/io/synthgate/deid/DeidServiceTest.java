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
import io.synthgate.pipeline.DeidOptions;
import io.synthgate.testing.Corpus;
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
        DeidentifiedSource source = deid.deidentify(Corpus.instance(file).orElseThrow());
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
    void aRouteChoosesWhatTheCopyKeepsBeyondTheBasicProfile() throws Exception {
        Path file = TestFiles.pydicom("CT_small.dcm");
        DeidentifiedSource characteristics = deid.deidentify(Corpus.instance(file).orElseThrow(),
                DeidOptions.parse("patient-characteristics, descriptors", deid.defaultOptions()));
        AttributeList kept = read(characteristics.file());
        assertEquals("O", Attribute.getSingleStringValueOrEmptyString(kept, TagFromName.PatientSex));
        assertEquals("000Y", Attribute.getSingleStringValueOrEmptyString(kept, TagFromName.PatientAge));
        assertEquals("e+1", Attribute.getSingleStringValueOrEmptyString(kept, TagFromName.StudyDescription));
        assertEquals("", Attribute.getSingleStringValueOrEmptyString(kept, TagFromName.StudyDate),
                "without modified-dates the dates are removed, not shifted");
        List<String> codes = characteristics.deidentificationMethodCodes().stream().map(CodedConcept::value).toList();
        assertTrue(codes.contains("113108") && !codes.contains("113107"), "the options are recorded: " + codes);

        AttributeList defaults = read(deid.deidentify(Corpus.instance(file).orElseThrow()).file());
        assertEquals("", Attribute.getSingleStringValueOrEmptyString(defaults, TagFromName.PatientSex),
                "the configured defaults do not keep patient characteristics");
        assertEquals("", Attribute.getSingleStringValueOrEmptyString(defaults, TagFromName.StudyDescription));
        assertFalse(Attribute.getSingleStringValueOrEmptyString(defaults, TagFromName.StudyDate).isEmpty());
    }

    @Test
    void samePatientGetsTheSamePseudonymUidsAndDateShiftEveryTime() throws Exception {
        Path file = TestFiles.pydicom("CT_small.dcm");
        AttributeList original = read(file);
        DeidentifiedSource first = deid.deidentify(Corpus.instance(file).orElseThrow());
        DeidentifiedSource second = deid.deidentify(Corpus.instance(file).orElseThrow());
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
        assertNotEquals(deid.deidentify(Corpus.instance(ct).orElseThrow()).patientPseudonym(),
                deid.deidentify(Corpus.instance(mr).orElseThrow()).patientPseudonym());
    }

    @Test
    void flagsImagesThatMayCarryBurnedInText() throws Exception {
        Path secondaryCapture = TestFiles.pydicom("SC_rgb_small_odd.dcm");
        DeidentifiedSource capture = deid.deidentify(Corpus.instance(secondaryCapture).orElseThrow());
        assertTrue(capture.mayCarryBurnedInText(), "a secondary capture may carry burned-in text");
        assertTrue(capture.burnedInTextRisk().orElseThrow().startsWith("it is a Secondary Capture"), capture.burnedInTextRisk()
                .toString());
        Path ct = TestFiles.pydicom("CT_small.dcm");
        assertFalse(deid.deidentify(Corpus.instance(ct).orElseThrow()).mayCarryBurnedInText());
    }

    private static AttributeList read(Path file) throws Exception {
        AttributeList list = new AttributeList();
        list.read(file.toFile());
        return list;
    }
}
