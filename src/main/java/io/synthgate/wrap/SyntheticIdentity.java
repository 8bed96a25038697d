package io.synthgate.wrap;

import io.synthgate.deid.DeidentifiedSource;
import io.synthgate.dicom.Uids;
import io.synthgate.generator.GeneratedText;

/**
 * The identifiers of a synthetic object, derived so that a retry reproduces them. From a source: a
 * new study per source study, a new series per source series, and the source's patient pseudonym.
 * From text: the run's synthetic study for the body part, a series per model, and a synthetic patient.
 */
record SyntheticIdentity(String studyInstanceUid, String seriesInstanceUid, String sopInstanceUid,
        String patientName, String patientId) {

    /** The patient of text-to-image outputs: no identity ever existed. */
    static final String TEXT_PATIENT_NAME = "SYNTHETIC^TXT2IMG";

    static SyntheticIdentity ofText(GeneratedText text) {
        String study = text.prompt().syntheticStudy().value();
        return new SyntheticIdentity(study,
                Uids.derive("txt2img-series", study, text.generator().model()),
                Uids.derive("txt2img-instance", text.prompt().jobId().toString(), Integer.toString(text.candidateIndex())),
                TEXT_PATIENT_NAME, "SYN-" + text.prompt().runId());
    }

    static SyntheticIdentity of(String experiment, DeidentifiedSource source) {
        return of(experiment, source, 0);
    }

    /** Candidate {@code candidate} of a source: its own instance in the source's synthetic series. */
    static SyntheticIdentity of(String experiment, DeidentifiedSource source, int candidate) {
        String study = source.studyInstanceUid();
        String series = source.seriesInstanceUid().isEmpty() ? study : source.seriesInstanceUid();
        return new SyntheticIdentity(
                Uids.derive("study", experiment, study),
                Uids.derive("series", experiment, series),
                candidate == 0 ? Uids.derive("instance", experiment, source.sopInstanceUid())
                        : Uids.derive("instance", experiment, source.sopInstanceUid(), "candidate", Integer.toString(candidate)),
                source.patientPseudonym(), source.patientPseudonym());
    }
}
