package io.synthgate.deid;

import io.synthgate.dicom.SopInstanceUid;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A source instance after de-identification: the de-identified object in the spool and its
 * pseudonymous identifiers. Only {@code original} links back to the clinical object, and it never
 * leaves the gateway: it keys the job's bookkeeping. {@code burnedInTextRisk} says why the pixels
 * may carry burned-in text (the annotation flag, the modality, a Secondary Capture), and is empty when
 * nothing suggests it or {@code pixelCleaningRules} cleaned the object. {@code sealedOutput} is what a
 * synthetic object of this gateway's, sent back in, says about itself (for the next step of a chain).
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
        Optional<String> burnedInTextRisk,
        List<String> pixelCleaningRules,
        String deidentificationMethod,
        List<CodedConcept> deidentificationMethodCodes,
        Optional<SealedOutput> sealedOutput) {

    public DeidentifiedSource {
        Objects.requireNonNull(burnedInTextRisk, "burnedInTextRisk");
        Objects.requireNonNull(sealedOutput, "sealedOutput");
        pixelCleaningRules = List.copyOf(pixelCleaningRules);
        deidentificationMethodCodes = List.copyOf(deidentificationMethodCodes);
    }

    /** Whether the pixels may carry burned-in text that no cleaning rule removed. */
    public boolean mayCarryBurnedInText() {
        return burnedInTextRisk.isPresent();
    }
}
