package io.synthgate.wrap;

import io.synthgate.deid.DeidentifiedSource;
import io.synthgate.dicom.Uids;

/**
 * The identifiers of a synthetic object, derived from the experiment and the de-identified source
 * so that a retry reproduces them: a new study per source study, a new series per source series,
 * and the source's patient pseudonym.
 */
record SyntheticIdentity(String studyInstanceUid, String seriesInstanceUid, String sopInstanceUid,
        String patientPseudonym) {

    static SyntheticIdentity of(String experiment, DeidentifiedSource source) {
        String study = source.studyInstanceUid();
        String series = source.seriesInstanceUid().isEmpty() ? study : source.seriesInstanceUid();
        return new SyntheticIdentity(
                Uids.derive("study", experiment, study),
                Uids.derive("series", experiment, series),
                Uids.derive("instance", experiment, source.sopInstanceUid()),
                source.patientPseudonym());
    }
}
