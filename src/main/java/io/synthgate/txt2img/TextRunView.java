package io.synthgate.txt2img;

import io.synthgate.job.JobState;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A text-to-image run with its progress and every prompt's outcome, for {@code GET} on the run.
 *
 * @param id the run
 * @param createdAt when it was started
 * @param startedBy who started it; null for runs from before SynthGate recorded it
 * @param generator the generator it uses
 * @param promptTemplate its prompt template
 * @param negativePrompt its negative prompt
 * @param candidatesPerPrompt images asked for per prompt
 * @param seedPolicy its seed policy; null for derived seeds
 * @param finished whether every prompt has ended (exported or failed)
 * @param progress counts of prompts by state
 * @param prompts one entry per body part, in the order asked
 */
public record TextRunView(UUID id, Instant createdAt, String startedBy, String generator, String promptTemplate, String negativePrompt,
        int candidatesPerPrompt, String seedPolicy, boolean finished, Progress progress, List<PromptView> prompts) {

    /**
     * Prompts by where they stand.
     *
     * @param prompts all prompts of the run
     * @param exported prompts whose candidates all reached the research PACS
     * @param failed prompts that ended without images (refused, filtered, failed)
     * @param running prompts still being generated or exported
     */
    public record Progress(int prompts, int exported, int failed, int running) {
    }

    /**
     * One body part's prompt.
     *
     * @param bodyPart as the run named it
     * @param prompt the prompt sent
     * @param jobId the job making its candidates ({@code GET /api/jobs/{id}})
     * @param state the job's state
     * @param outcome the generator's outcome class (OK, REFUSED, FILTERED, THROTTLED, ERROR); null before it answered
     * @param detail the provider's code and message, or the job's failure reason
     * @param studyInstanceUid the synthetic study its candidates form
     * @param candidates its candidates, every one kept
     */
    public record PromptView(String bodyPart, String prompt, UUID jobId, JobState state, String outcome, String detail,
            String studyInstanceUid, List<CandidateView> candidates) {
    }

    /**
     * One image of a prompt.
     *
     * @param index the candidate's position among the prompt's candidates
     * @param sopInstanceUid the synthetic object
     * @param seed the seed it was made with, when known
     * @param state GENERATED or EXPORTED
     */
    public record CandidateView(int index, String sopInstanceUid, Long seed, String state) {
    }
}
