package io.synthgate.deid;

import io.synthgate.dicom.SopInstanceUid;
import java.nio.file.Path;
import java.util.List;

/**
 * A source instance after de-identification: the de-identified object in the spool and its
 * pseudonymous identifiers. Only {@code original} links back to the clinical object, and it never
 * leaves the gateway: it keys the job's bookkeeping. {@code mayCarryBurnedInText} is false for an
 * object that {@code pixelCleaningRules} cleaned.
 */
public record DeidentifiedSource(
        SopInstanceUid original,
        Path file,
        String sopClassUid,
        String studyInstanceUid,
        String seriesInstanceUid,
        String sopInstanceUid,
        String patientPseudonym,
        String modality,
        boolean mayCarryBurnedInText,
        List<String> pixelCleaningRules,
        String deidentificationMethod,
        List<CodedConcept> deidentificationMethodCodes) {

    public DeidentifiedSource {
        pixelCleaningRules = List.copyOf(pixelCleaningRules);
        deidentificationMethodCodes = List.copyOf(deidentificationMethodCodes);
    }
}
