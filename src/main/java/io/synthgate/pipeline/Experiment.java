package io.synthgate.pipeline;

import io.synthgate.dicom.Selection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One experiment as configured under {@code synthgate.experiments.<name>}, parsed and checked when
 * SynthGate starts. Routes carry it in exchange property {@link Pipeline#EXPERIMENT}; every step reads
 * its part from it.
 *
 * @param name the name under {@code synthgate.experiments}, recorded on each job and output
 * @param operation what the generator is asked to do
 * @param when which completed studies the routing rules give it; empty takes every study
 * @param select which of a study's instances it takes
 * @param mask which region of each image it regenerates
 * @param generator the generator's name; empty means {@code synthgate.generator.default}
 * @param prompt the prompt template; empty leaves it to the operation's default
 * @param negativePrompt what the result should not show; empty for none
 * @param seed which seed each request asks for
 * @param candidates candidates per image, each from its own seed, all kept
 * @param steps outpainting only: how many times each candidate's canvas grows, each step by the mask's
 *     {@code extend} of the previous step's result; 1 for every other operation
 * @param review whether candidates wait for a radiologist
 * @param readers how many radiologists each give a candidate a verdict before it is decided; 1
 *     unless {@code review} holds candidates
 * @param destinations where its outputs go, each of kind research
 * @param deidRetain what de-identification keeps beyond the Basic Profile; empty keeps
 *     {@code synthgate.deid.retain-*}
 * @param imagesPerDay images it may ask generators for per UTC day; empty for no cap
 */
public record Experiment(
        String name,
        GenerationOperation operation,
        Optional<Selection> when,
        Selection select,
        MaskPlan mask,
        Optional<String> generator,
        Optional<String> prompt,
        Optional<String> negativePrompt,
        SeedPolicy seed,
        int candidates,
        int steps,
        ReviewPolicy review,
        int readers,
        List<String> destinations,
        Optional<DeidOptions> deidRetain,
        OptionalInt imagesPerDay) {

    public Experiment {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(operation, "operation");
        destinations = List.copyOf(destinations);
        if (candidates < 1) {
            throw new IllegalArgumentException("An experiment makes at least one candidate per image, not " + candidates);
        }
        if (readers < 1 || (readers > 1 && !review.holds())) {
            throw new IllegalArgumentException("Several readers need a review policy that holds candidates, not "
                    + review + " with " + readers + " readers");
        }
        if (steps < 1 || (steps > 1 && operation != GenerationOperation.OUTPAINT)) {
            throw new IllegalArgumentException("Only outpainting takes several steps; " + operation + " takes 1, not "
                    + steps);
        }
    }

    /** Whether it works on received studies (inpaint, erase, outpaint) rather than on text prompts. */
    public boolean takesStudies() {
        return operation != GenerationOperation.TXT2IMG;
    }
}
