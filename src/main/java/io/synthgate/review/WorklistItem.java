package io.synthgate.review;

import io.synthgate.job.JobOutput;
import io.synthgate.job.OutputState;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * One image on the radiologist's worklist: the candidate to decide now and every candidate made from
 * the same source image, which are shown side by side.
 *
 * @param jobId the job that made them
 * @param experiment its experiment
 * @param bodyPart the image's Body Part Examined, empty when absent
 * @param operation INPAINT, OUTPAINT, ERASE or TXT2IMG
 * @param current the candidate awaiting a verdict now
 * @param candidates every candidate of the same source image (or prompt), in order, the current one included
 * @param source the de-identified source image, when the candidates have one still in the spool
 * @param syntheticStudy the synthetic study the candidates join in the research PACS once exported
 * @param waiting candidates awaiting the reader's verdict in all, this one included
 * @param decidedByReader the candidates the reader has decided that still wait on other readers
 */
public record WorklistItem(UUID jobId, String experiment, String bodyPart, String operation, JobOutput current,
        List<JobOutput> candidates, Optional<Path> source, String syntheticStudy, long waiting,
        Set<String> decidedByReader) {

    public WorklistItem {
        candidates = List.copyOf(candidates);
        decidedByReader = Set.copyOf(decidedByReader);
    }

    /** Whether {@code candidate} still awaits this reader's verdict. */
    public boolean undecided(JobOutput candidate) {
        return candidate.state() == OutputState.AWAITING_REVIEW
                && !decidedByReader.contains(candidate.sopInstanceUid().value());
    }

    /** The candidate after the current one that still awaits this reader's verdict, if any. */
    public Optional<JobOutput> nextUndecided() {
        int at = candidates.indexOf(current);
        return candidates.stream().skip(at + 1L).filter(this::undecided).findFirst();
    }
}
