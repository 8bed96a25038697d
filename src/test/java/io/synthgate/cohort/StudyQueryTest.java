package io.synthgate.cohort;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synthgate.failure.InvalidRequestException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StudyQueryTest {

    @Test
    void patientFreeKeysAndAccessionNumbersMakeAQuery() {
        StudyQuery query = StudyQuery.of(Map.of("Modality", "CR\\DX", "StudyDate", "20240101-20241231",
                "BodyPartExamined", "KNEE", "StudyDescription", "*KNEE*"), List.of(" A1001", "A1002", "A1001"));
        assertEquals(Optional.of("CR\\DX"), query.modality());
        assertEquals(Optional.of("20240101-20241231"), query.studyDate());
        assertEquals(Optional.of("KNEE"), query.bodyPart());
        assertEquals(List.of("A1001", "A1002"), query.accessionNumbers(), "stripped, each once");
        assertEquals(List.of("A1003"), StudyQuery.of(Map.of("AccessionNumber", "A1003"), null).accessionNumbers());
        assertEquals(List.of("1.2.3"), StudyQuery.of(Map.of("StudyInstanceUID", "1.2.3"), null).studyInstanceUids());
    }

    @Test
    void aKeyThatCouldIdentifyAPatientIsRefusedByName() {
        for (String key : List.of("PatientName", "PatientID", "PatientBirthDate", "OtherPatientIDs")) {
            InvalidRequestException refused = assertThrows(InvalidRequestException.class,
                    () -> StudyQuery.of(Map.of(key, "X"), List.of()));
            assertTrue(refused.getMessage().startsWith("Query key '" + key + "' is not allowed"), refused.getMessage());
        }
    }

    @Test
    void malformedValuesAndAnEmptyQueryAreRefused() {
        for (String date : List.of("2024", "2024-01-01", "20240101-2024", "yesterday")) {
            assertThrows(InvalidRequestException.class, () -> StudyQuery.of(Map.of("StudyDate", date), List.of()),
                    date);
        }
        for (String date : List.of("20240101", "20240101-", "-20241231")) {
            assertEquals(Optional.of(date), StudyQuery.of(Map.of("StudyDate", date), List.of()).studyDate());
        }
        assertEquals(Optional.of("CR"), StudyQuery.of(Map.of("Modality", " cr"), List.of()).modality(), "code strings");
        assertThrows(InvalidRequestException.class, () -> StudyQuery.of(Map.of("Modality", "C R"), List.of()));
        assertThrows(InvalidRequestException.class, () -> StudyQuery.of(Map.of(), List.of("A*")), "no wildcard");
        InvalidRequestException empty = assertThrows(InvalidRequestException.class,
                () -> StudyQuery.of(Map.of(), List.of()));
        assertTrue(empty.getMessage().contains("would take the whole PACS"), empty.getMessage());
    }
}
