package io.synthgate.study;

import io.synthgate.dicom.StudyInstanceUid;

/**
 * Keeps the idle sweep from completing a study that someone else completes when they know it is
 * whole: a cohort's retrieve, which ends when the PACS says it has sent everything, however long it
 * pauses between objects. Beans implementing it are asked on every sweep, for each idle study.
 */
public interface CompletionHold {

    /** Whether the study's completion is left to its holder. */
    boolean holds(StudyInstanceUid study);
}
