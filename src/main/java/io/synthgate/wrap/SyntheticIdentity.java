package io.synthgate.wrap;

import io.synthgate.dicom.Uids;
import io.synthgate.study.SourceInstance;

/**
 * The identifiers of a synthetic object, derived from the experiment and the source so that a retry
 * reproduces them: a new study per source study, a new series per source series, and a patient
 * that carries no identifier of the real one.
 */
record SyntheticIdentity(String studyInstanceUid, String seriesInstanceUid, String sopInstanceUid,
        String patientId, String patientName) {

    static SyntheticIdentity of(String experiment, SourceInstance source) {
        String study = source.study().value();
        String series = source.seriesInstanceUid() == null ? study : source.seriesInstanceUid();
        String pseudonym = Uids.deriveId("patient", study);
        return new SyntheticIdentity(
                Uids.derive("study", experiment, study),
                Uids.derive("series", experiment, series),
                Uids.derive("instance", experiment, source.sopInstanceUid().value()),
                "SYN-" + pseudonym,
                "SYNTHETIC^" + pseudonym);
    }
}
