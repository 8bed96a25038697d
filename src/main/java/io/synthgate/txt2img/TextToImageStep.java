package io.synthgate.txt2img;

import io.synthgate.generator.Candidate;
import io.synthgate.generator.GeneratedImage;
import io.synthgate.generator.GeneratedText;
import io.synthgate.generator.GenerationBudget;
import io.synthgate.generator.GenerationOutcome;
import io.synthgate.generator.GenerationRefusedException;
import io.synthgate.generator.GenerationRequest;
import io.synthgate.generator.Generator;
import io.synthgate.generator.GeneratorRegistry;
import io.synthgate.generator.TextPrompt;
import io.synthgate.job.JobOutputService;
import io.synthgate.pipeline.Experiment;
import io.synthgate.pipeline.GenerationOperation;
import io.synthgate.pipeline.Pipeline;
import io.synthgate.pixels.Planes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.apache.camel.ExchangeProperty;

/**
 * Route step {@code textToImageStep}: asks the run's generator for every candidate of one prompt and
 * hands all of them on, none filtered. A job that already has its candidates (a resumed or retried
 * export) asks for nothing: new pixels under the same UIDs would change objects already sent.
 */
@ApplicationScoped
@Named("textToImageStep")
public class TextToImageStep {

    private final GeneratorRegistry generators;
    private final GenerationBudget budget;
    private final TextRuns runs;
    private final JobOutputService outputs;

    public TextToImageStep(GeneratorRegistry generators, GenerationBudget budget, TextRuns runs, JobOutputService outputs) {
        this.generators = generators;
        this.budget = budget;
        this.runs = runs;
        this.outputs = outputs;
    }

    public List<GeneratedText> generate(TextPrompt prompt, @ExchangeProperty(Pipeline.EXPERIMENT) Experiment experiment)
            throws GenerationRefusedException {
        if (outputs.listForJob(prompt.jobId()).size() >= prompt.candidates()) {
            return List.of();
        }
        Generator generator = generators.get(prompt.generator());
        OptionalLong seed = prompt.seedPolicy().seedFor(prompt.runId() + "/" + prompt.bodyPart());
        Optional<GenerationOutcome> answered = budget.spend(experiment, prompt.candidates(), () -> generator.generate(
                new GenerationRequest(GenerationOperation.TXT2IMG, null, null, null, prompt.prompt(),
                        prompt.negativePrompt(), seed, prompt.candidates(), prompt.size(), prompt.jobId().toString(), null)));
        if (answered.isEmpty()) {
            String reason = budget.spentReason(experiment);
            runs.recordOutcome(prompt.jobId(), GenerationOutcome.Status.REFUSED, reason);
            throw new GenerationRefusedException(reason + ". Retry the job tomorrow: POST /api/jobs/" + prompt.jobId() + "/retry");
        }
        GenerationOutcome outcome = answered.get();
        runs.recordOutcome(prompt.jobId(), outcome.status(), outcome.status() == GenerationOutcome.Status.OK
                ? null : outcome.describe());
        if (outcome.status() != GenerationOutcome.Status.OK) {
            throw new GenerationRefusedException("Generator '" + generator.name() + "' answered " + outcome.describe()
                    + " for the prompt \"" + prompt.prompt() + "\"");
        }
        List<GeneratedText> generated = new ArrayList<>();
        for (int i = 0; i < outcome.candidates().size(); i++) {
            Candidate candidate = outcome.candidates().get(i);
            GeneratedImage.Provenance provenance = new GeneratedImage.Provenance(prompt.prompt(), prompt.negativePrompt(),
                    candidate.seed(), outcome.detail().requestId(), outcome.status(), false, generator.sampling(),
                    Optional.empty(), candidate.method());
            Planes pixels = candidate.pixels();
            generated.add(new GeneratedText(prompt, i, generator.identity(), provenance, pixels.columns(), pixels.rows(),
                    grayscale(pixels)));
        }
        return generated;
    }

    /** The candidate's first plane as 8-bit samples: text-to-image pictures are mapped to 0-255 gray. */
    private static byte[] grayscale(Planes pixels) {
        byte[] samples = new byte[pixels.columns() * pixels.rows()];
        for (int p = 0; p < samples.length; p++) {
            samples[p] = (byte) Math.max(0, Math.min(255, Math.round(pixels.value(0, p))));
        }
        return samples;
    }
}
