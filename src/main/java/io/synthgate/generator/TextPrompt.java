package io.synthgate.generator;

import io.synthgate.dicom.StudyInstanceUid;
import io.synthgate.pipeline.SeedPolicy;
import java.util.Optional;
import java.util.UUID;

/**
 * One prompt of a text-to-image run, as the text-to-image route carries it from step to step.
 *
 * @param runId the run
 * @param jobId the job that makes this prompt's candidates
 * @param bodyPart the body part as the run named it ("knee")
 * @param prompt the prompt, its template filled in
 * @param negativePrompt what the images should not show; may be empty
 * @param generator the generator's name
 * @param candidates how many images to ask for, all kept
 * @param seedPolicy the run's seed policy
 * @param size the picture size the run asks for; empty uses the generator's configured size
 * @param syntheticStudy the synthetic study this prompt's candidates form
 */
public record TextPrompt(UUID runId, UUID jobId, String bodyPart, String prompt, String negativePrompt,
        String generator, int candidates, SeedPolicy seedPolicy, Optional<CanvasSize> size, StudyInstanceUid syntheticStudy) {
}
