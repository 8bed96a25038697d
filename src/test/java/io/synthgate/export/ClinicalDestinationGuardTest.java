package io.synthgate.export;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.synthgate.dicom.SopInstanceUid;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The export's own guard, behind the start-up check of every experiment's destinations: whatever asks,
 * nothing is sent when any destination named is of kind clinical.
 */
@QuarkusTest
class ClinicalDestinationGuardTest {

    @Inject
    ExportService exports;

    @Test
    void nothingIsSentWhenAnyDestinationNamedIsClinical() {
        ClinicalDestinationException refused = assertThrows(ClinicalDestinationException.class,
                () -> exports.exportOutput(new SopInstanceUid("2.25.1"), List.of("research", "clinical-test")));
        assertTrue(refused.getMessage().contains("destinations of kind clinical never receive synthetic data"),
                refused.getMessage());
        assertThrows(ClinicalDestinationException.class,
                () -> exports.export(UUID.randomUUID(), List.of("clinical-test"), false));
    }
}
