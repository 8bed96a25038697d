package io.synthgate.job;

import io.synthgate.dicom.SopInstanceUid;
import io.synthgate.pixels.FidelityMetrics;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A synthetic object durably in the outbound spool, as the wrap step reports it to its job.
 *
 * @param source the de-identified source's original instance; empty for text-to-image
 * @param candidateIndex which of the generator's candidates this is, from 0
 * @param seed the seed the candidate was made with, when known
 * @param sopInstanceUid the synthetic object's SOP Instance UID
 * @param sopClassUid its SOP Class UID
 * @param file where it lies in the spool
 * @param maskSpec the mask it was made with, in the mask language; empty for text-to-image
 * @param metrics fidelity against the source; empty for text-to-image
 */
public record GeneratedOutput(Optional<SopInstanceUid> source, int candidateIndex, OptionalLong seed,
        SopInstanceUid sopInstanceUid, String sopClassUid, Path file, Optional<String> maskSpec,
        Optional<FidelityMetrics> metrics) {

    public GeneratedOutput {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(seed, "seed");
        Objects.requireNonNull(maskSpec, "maskSpec");
        Objects.requireNonNull(metrics, "metrics");
    }
}
