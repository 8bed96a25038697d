package io.synthgate.generator;

import io.synthgate.deid.DeidentifiedSource;
import io.synthgate.image.Compositor;
import io.synthgate.image.DecodedSource;
import io.synthgate.image.FidelityMeter;
import io.synthgate.image.FrameStack;
import io.synthgate.image.Rendering;
import io.synthgate.image.SourceImage;
import io.synthgate.mask.Mask;
import io.synthgate.masking.MaskedImage;
import io.synthgate.masking.MaskedStack;
import io.synthgate.pipeline.Experiment;
import io.synthgate.pipeline.GenerationOperation;
import io.synthgate.pipeline.Pipeline;
import io.synthgate.pixels.FidelityMetrics;
import io.synthgate.pixels.StoredSamples;
import io.synthgate.spool.Spool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;

/**
 * Route step {@code generateStep}: asks the chosen generator for a candidate for a masked image (or
 * for each frame of a masked stack) and composites it back into the source, so only masked pixels
 * can change. Refuses, before anything is
 * sent, an image that may carry burned-in text to a generator off site, and a request that the
 * experiment's daily budget cannot pay for.
 */
@ApplicationScoped
@Named("generateStep")
public class GenerateStep {

    /** The prompt an erase asks for when the experiment gives none: the element gone, the tissue continued. */
    static final String DEFAULT_ERASE_PROMPT = "the same {bodyPart|} X-ray with the marked element removed";
    private static final int CANDIDATES = 1;

    private final GeneratorRegistry generators;
    private final GenerationBudget budget;
    private final Spool spool;

    public GenerateStep(GeneratorRegistry generators, GenerationBudget budget, Spool spool) {
        this.generators = generators;
        this.budget = budget;
        this.spool = spool;
    }

    /**
     * Candidate {@code candidate} of a masked image: from 0, a route's {@code loop} index, absent
     * outside a loop. Each candidate has its own derived seed.
     */
    public GeneratedImage generate(MaskedImage input, @ExchangeProperty(Pipeline.EXPERIMENT) Experiment experiment,
            @ExchangeProperty(Pipeline.JOB_ID) UUID jobId, @ExchangeProperty(Exchange.LOOP_INDEX) Integer candidate)
            throws GenerationRefusedException {
        int index = candidate == null ? 0 : candidate;
        Call call = call(input.image(), experiment, jobId);
        requireCanvasFor(call.operation(), !input.growth().isNone(), input.spec().text());
        String seedKey = jobId + "/" + input.image().source().sopInstanceUid() + (index == 0 ? "" : "/candidate-" + index);
        Frame frame = call.generate(input.image(), input.mask(), input.comparable(), experiment.seed().seedFor(seedKey));
        if (experiment.steps() == 1) {
            return new GeneratedImage(input, call.operation(), call.generator().identity(), frame.provenance(),
                    frame.samples(), frame.metrics(), index, List.of(frame.provenance()),
                    OutpaintStages.of(List.of(input)));
        }
        return chain(input, frame, call, experiment, seedKey, index);
    }

    /**
     * The further steps of a chained outpainting, each growing the previous step's result: every
     * request is on the record, and the result is measured and checked as one outpainting of the source.
     */
    private GeneratedImage chain(MaskedImage first, Frame firstFrame, Call call, Experiment experiment, String seedKey,
            int index) throws GenerationRefusedException {
        List<MaskedImage> steps = new ArrayList<>(List.of(first));
        List<GeneratedImage.Provenance> requests = new ArrayList<>(List.of(firstFrame.provenance()));
        Object samples = firstFrame.samples();
        for (int step = 2; step <= experiment.steps(); step++) {
            MaskedImage next = steps.get(steps.size() - 1).next(samples);
            Frame frame = call.generate(next.image(), next.mask(), next.comparable(),
                    experiment.seed().seedFor(seedKey + "/step-" + step));
            steps.add(next);
            requests.add(frame.provenance());
            samples = frame.samples();
        }
        MaskedImage whole = steps.get(steps.size() - 1).whole();
        FidelityMetrics metrics = FidelityMeter.measure(whole.image(), whole.mask(), whole.comparable(), samples);
        if (metrics.maxAbsoluteDifferenceOutsideMask() != 0) {
            throw new IllegalStateException("Chained outpainting changed pixels of the source "
                    + whole.image().source().original() + " by up to " + metrics.maxAbsoluteDifferenceOutsideMask());
        }
        return new GeneratedImage(whole, call.operation(), call.generator().identity(), firstFrame.provenance(), samples,
                metrics, index, requests, OutpaintStages.of(steps));
    }

    /**
     * Generates every frame of a stack in turn, writing each composited frame to a spool temporary
     * file as soon as it is done: one frame at a time is in memory, whatever the stack's length.
     */
    public GeneratedStack generate(MaskedStack input, @ExchangeProperty(Pipeline.EXPERIMENT) Experiment experiment,
            @ExchangeProperty(Pipeline.JOB_ID) UUID jobId, @ExchangeProperty(Exchange.LOOP_INDEX) Integer candidate)
            throws GenerationRefusedException, IOException {
        FrameStack stack = input.stack();
        if (candidate != null && candidate > 0) {
            throw new IllegalArgumentException("SOP Instance " + stack.source().original() + " has " + stack.frames()
                    + " frames; several candidates of a multi-frame image are not made, ask for one");
        }
        Call call = call(stack, experiment, jobId);
        requireCanvasFor(call.operation(), false, input.spec().text());
        Path frames = spool.newTemporaryFile();
        boolean done = false;
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(frames))) {
            List<FidelityMetrics> metrics = new ArrayList<>();
            GeneratedImage.Provenance first = null;
            for (int index = 0; index < stack.frames(); index++) {
                Frame frame = call.generate(stack.frame(index), input.mask(), input.mask(),
                        experiment.seed().seedFor(jobId + "/" + stack.source().sopInstanceUid() + "/" + index));
                out.write(StoredSamples.littleEndianBytes(frame.samples()));
                metrics.add(frame.metrics());
                first = first == null ? frame.provenance() : first;
            }
            done = true;
            return new GeneratedStack(input, call.operation(), call.generator().identity(), first, frames,
                    FidelityMetrics.ofFrames(metrics, stack.layout().bitsStored()));
        } finally {
            if (!done) {
                spool.discard(frames);
            }
        }
    }

    /** Outpainting paints a grown canvas's border, and only outpainting grows the canvas. */
    private static void requireCanvasFor(GenerationOperation operation, boolean grown, String spec) {
        if (operation == GenerationOperation.OUTPAINT && !grown) {
            throw new IllegalArgumentException("Outpainting needs a mask that grows the canvas ('extend top 20%'), not '"
                    + spec + "'");
        }
        if (operation != GenerationOperation.OUTPAINT && grown) {
            throw new IllegalArgumentException("Mask '" + spec + "' grows the canvas, which only the operation OUTPAINT"
                    + " paints, not " + operation);
        }
    }

    private Call call(DecodedSource image, Experiment experiment, UUID jobId) throws GenerationRefusedException {
        Generator generator = generators.get(experiment.generator().orElse(null));
        GenerationOperation operation = experiment.operation();
        DeidentifiedSource source = image.source();
        if (generator.sendsPixelsOffSite() && source.mayCarryBurnedInText()) {
            throw new GenerationRefusedException("Refused to send SOP Instance " + source.original()
                    + " to generator '" + generator.name() + "': its pixels may carry burned-in text, since "
                    + source.burnedInTextRisk().orElseThrow() + ", and no pixel-cleaning rule covers it");
        }
        if (!generator.readsPrompt()) {
            // nothing is sent, so nothing is recorded as sent
            return new Call(generator, operation, "", "", experiment, jobId);
        }
        String template = experiment.prompt()
                .orElse(operation == GenerationOperation.ERASE ? DEFAULT_ERASE_PROMPT : null);
        try {
            return new Call(generator, operation, PromptTemplate.expand(template, image.description()),
                    PromptTemplate.expand(experiment.negativePrompt().orElse(null), image.description()), experiment,
                    jobId);
        } catch (PromptTemplate.MissingValueException e) {
            throw new GenerationRefusedException("Did not ask generator '" + generator.name() + "' for SOP Instance "
                    + source.original() + ": " + e.getMessage());
        }
    }

    /** One frame's composited samples, their fidelity, and how they were asked for. */
    private record Frame(Object samples, FidelityMetrics metrics, GeneratedImage.Provenance provenance) {
    }

    /** What every frame of one source is generated with. */
    private final class Call {

        private final Generator generator;
        private final GenerationOperation operation;
        private final String prompt;
        private final String negativePrompt;
        private final Experiment experiment;
        private final UUID jobId;

        Call(Generator generator, GenerationOperation operation, String prompt, String negativePrompt,
                Experiment experiment, UUID jobId) {
            this.generator = generator;
            this.operation = operation;
            this.prompt = prompt;
            this.negativePrompt = negativePrompt;
            this.experiment = experiment;
            this.jobId = jobId;
        }

        Generator generator() {
            return generator;
        }

        GenerationOperation operation() {
            return operation;
        }

        /** One candidate for {@code image}, measured against it inside {@code comparable}. */
        Frame generate(SourceImage image, Mask mask, Mask comparable, OptionalLong seed) throws GenerationRefusedException {
            DeidentifiedSource source = image.source();
            Rendering rendering = Rendering.of(image, generator.window());
            GenerationOutcome outcome = budget.spend(experiment, CANDIDATES, () -> generator.generate(
                    new GenerationRequest(operation, image, rendering, mask, prompt, negativePrompt, seed,
                            CANDIDATES, Optional.empty(), String.valueOf(jobId), source.deidentificationMethod())))
                    .orElseThrow(() -> new GenerationRefusedException(budget.spentReason(experiment)
                            + ". Retry the job tomorrow: POST /api/jobs/" + jobId + "/retry"));
            if (outcome.status() != GenerationOutcome.Status.OK) {
                throw new GenerationRefusedException("Generator '" + generator.name() + "' answered "
                        + outcome.describe() + " for SOP Instance " + source.original());
            }
            Candidate candidate = outcome.candidates().get(0);
            Object samples = Compositor.composite(image, mask, candidate.pixels());
            FidelityMetrics metrics = FidelityMeter.measure(image, mask, comparable, samples);
            if (metrics.maxAbsoluteDifferenceOutsideMask() != 0) {
                throw new IllegalStateException("Compositing changed pixels outside the mask of SOP Instance "
                        + source.original() + " by up to " + metrics.maxAbsoluteDifferenceOutsideMask());
            }
            return new Frame(samples, metrics, new GeneratedImage.Provenance(prompt, negativePrompt, candidate.seed(),
                    outcome.detail().requestId(), outcome.status(), candidate.resampled(), generator.sampling(),
                    generator.sendsPixelsOffSite() ? Optional.of(rendering) : Optional.empty(), candidate.method()));
        }
    }
}
