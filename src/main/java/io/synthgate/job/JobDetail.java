package io.synthgate.job;

import io.synthgate.dicom.SopInstanceUid;
import io.synthgate.pixels.FidelityMetrics;
import java.time.Instant;
import java.util.List;

/** A job with its audit trail and outputs, for {@code GET /api/jobs/{id}}. */
public record JobDetail(JobView job, List<JobEventView> events, List<OutputView> outputs) {

    /** The job without the clinical Study and SOP Instance UIDs its outputs came from: for every role but admin. */
    public JobDetail withoutClinicalLinks() {
        return new JobDetail(job.withoutClinicalLink(), events,
                outputs.stream().map(OutputView::withoutClinicalLink).toList());
    }

    /** One synthetic object, without its spool path (an internal detail). */
    public record OutputView(String sourceSopInstanceUid, int candidateIndex, Long seed, String sopInstanceUid,
            OutputState state, String destination, Instant exportedAt, String maskSpec, FidelityMetrics fidelity) {

        OutputView withoutClinicalLink() {
            return new OutputView(null, candidateIndex, seed, sopInstanceUid, state, destination, exportedAt, maskSpec,
                    fidelity);
        }

        static OutputView of(JobOutput output) {
            return new OutputView(output.source().map(SopInstanceUid::value).orElse(null), output.candidateIndex(),
                    output.seed().isPresent() ? output.seed().getAsLong() : null, output.sopInstanceUid().value(),
                    output.state(), output.destination(), output.exportedAt(), output.maskSpec(), output.metrics());
        }
    }
}
