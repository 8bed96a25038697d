package io.synthgate.cohort;

import io.synthgate.dicom.StudyInstanceUid;
import java.util.List;
import java.util.Optional;

/**
 * A study the PACS answered a cohort's query with.
 *
 * @param studyDate as the PACS has it (YYYYMMDD), empty when it did not say
 * @param modalities Modalities in Study, backslash-separated
 * @param instances Number of Study Related Instances, when the PACS said
 * @param sopClasses SOP Classes in Study, when the PACS said: what a C-GET offers to receive
 */
public record StudyMatch(StudyInstanceUid study, String accessionNumber, String studyDate, String modalities,
        Optional<Integer> instances, List<String> sopClasses) {

    public StudyMatch {
        sopClasses = List.copyOf(sopClasses);
    }
}
