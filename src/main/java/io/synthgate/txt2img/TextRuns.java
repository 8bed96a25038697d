package io.synthgate.txt2img;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.synthgate.dicom.StudyInstanceUid;
import io.synthgate.dicom.Uids;
import io.synthgate.experiment.ExperimentCatalog;
import io.synthgate.failure.ConflictException;
import io.synthgate.failure.InvalidRequestException;
import io.synthgate.generator.CanvasSize;
import io.synthgate.generator.GenerationOutcome;
import io.synthgate.generator.GeneratorRegistry;
import io.synthgate.generator.PromptTemplate;
import io.synthgate.generator.TextPrompt;
import io.synthgate.job.JobOutput;
import io.synthgate.job.JobOutputService;
import io.synthgate.job.JobService;
import io.synthgate.job.JobState;
import io.synthgate.job.JobView;
import io.synthgate.pipeline.GenerationOperation;
import io.synthgate.pipeline.SeedPolicy;
import io.synthgate.pixels.ImageDescription;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Text-to-image runs: starts them (one job per body part, all in one transaction), tells the route
 * what each job is to make, records each generator outcome, and shows a run's progress.
 */
@ApplicationScoped
public class TextRuns {

    /** The experiment of every text-to-image job: {@code synthgate.experiments.txt2img.*} (review, destination, budget). */
    public static final String EXPERIMENT = "txt2img";
    static final String DEFAULT_TEMPLATE = "An X-ray of {bodyPart}";
    static final int DEFAULT_CANDIDATES = 4;
    private static final int MAX_CANDIDATES = 10;
    private static final int MAX_BODY_PARTS = 64;
    private static final int TEXT_LIMIT = 2000;
    private static final Pattern BODY_PART = Pattern.compile("[\\p{L}][\\p{L} -]{0,63}");

    private final TextRunRepository runs;
    private final TextPromptRepository prompts;
    private final JobService jobs;
    private final JobOutputService outputs;
    private final GeneratorRegistry generators;
    private final ExperimentCatalog experiments;
    private final Clock clock;

    public TextRuns(TextRunRepository runs, TextPromptRepository prompts, JobService jobs, JobOutputService outputs,
            GeneratorRegistry generators, ExperimentCatalog experiments, Clock clock) {
        this.experiments = experiments;
        this.runs = runs;
        this.prompts = prompts;
        this.jobs = jobs;
        this.outputs = outputs;
        this.generators = generators;
        this.clock = clock;
    }

    /**
     * Starts a run; an {@link InvalidRequestException} names what is wrong with the request, a
     * {@link ConflictException} says that text-to-image runs are off.
     */
    public UUID start(TextRunRequest request, String startedBy) {
        if (experiments.findEnabled(EXPERIMENT).filter(e -> e.operation() == GenerationOperation.TXT2IMG).isEmpty()) {
            throw new ConflictException("Text-to-image runs are off: no experiment synthgate.experiments." + EXPERIMENT
                    + " with operation txt2img is configured and enabled");
        }
        List<String> bodyParts = bodyParts(request.bodyParts());
        String template = request.promptTemplate() == null || request.promptTemplate().isBlank()
                ? DEFAULT_TEMPLATE : request.promptTemplate().strip();
        int candidates = request.candidatesPerPrompt() == null ? DEFAULT_CANDIDATES : request.candidatesPerPrompt();
        if (candidates < 1 || candidates > MAX_CANDIDATES) {
            throw new InvalidRequestException("candidatesPerPrompt must be 1 to " + MAX_CANDIDATES + ", not " + candidates);
        }
        String negative = request.negativePrompt() == null ? "" : request.negativePrompt().strip();
        if (template.length() > TEXT_LIMIT || negative.length() > TEXT_LIMIT) {
            throw new InvalidRequestException("promptTemplate and negativePrompt are limited to " + TEXT_LIMIT + " characters");
        }
        String generator = generators.get(request.generator()).name();
        SeedPolicy seed;
        try {
            seed = SeedPolicy.parse(request.seedPolicy());
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("seedPolicy: " + e.getMessage());
        }
        Optional<CanvasSize> size = request.size() == null || request.size().isBlank() ? Optional.empty()
                : Optional.of(CanvasSize.parse(request.size(), "size"));
        List<String> expanded = new ArrayList<>();
        for (String part : bodyParts) {
            try {
                expanded.add(PromptTemplate.expand(template, describe(part)));
            } catch (PromptTemplate.MissingValueException e) {
                throw new InvalidRequestException("promptTemplate: " + e.getMessage());
            }
        }

        return QuarkusTransaction.requiringNew().call(() -> {
            TextRunEntity run = new TextRunEntity();
            run.id = UUID.randomUUID();
            run.createdAt = clock.instant();
            run.generator = generator;
            run.promptTemplate = template;
            run.negativePrompt = negative;
            run.candidatesPerPrompt = candidates;
            run.seedPolicy = seed.text().isEmpty() ? null : seed.text();
            run.canvasSize = size.map(CanvasSize::toString).orElse(null);
            run.startedBy = startedBy;
            runs.persist(run);
            for (int i = 0; i < bodyParts.size(); i++) {
                TextPromptEntity prompt = new TextPromptEntity();
                prompt.runId = run.id;
                prompt.position = i;
                prompt.bodyPart = bodyParts.get(i);
                prompt.prompt = expanded.get(i);
                prompt.jobId = jobs.startTextRunJob(syntheticStudy(run.id, prompt.bodyPart), EXPERIMENT,
                        "text-to-image run " + run.id + " started by " + startedBy + ": " + prompt.bodyPart);
                prompts.persist(prompt);
            }
            return run.id;
        });
    }

    /** What the job {@code jobId} is to make. */
    public TextPrompt prompt(UUID jobId) {
        return QuarkusTransaction.joiningExisting().call(() -> {
            TextPromptEntity prompt = prompts.findByIdOptional(jobId)
                    .orElseThrow(() -> new IllegalArgumentException("Job " + jobId + " is no text-to-image prompt"));
            TextRunEntity run = runs.findById(prompt.runId);
            return new TextPrompt(run.id, jobId, prompt.bodyPart, prompt.prompt, run.negativePrompt, run.generator,
                    run.candidatesPerPrompt, SeedPolicy.parse(run.seedPolicy),
                    Optional.ofNullable(run.canvasSize).map(text -> CanvasSize.parse(text, "canvas_size")),
                    syntheticStudy(run.id, prompt.bodyPart));
        });
    }

    /** Records the generator's answer to the job's prompt; committed at once, whatever the route does next. */
    public void recordOutcome(UUID jobId, GenerationOutcome.Status status, String detail) {
        QuarkusTransaction.requiringNew().run(() -> prompts.findByIdOptional(jobId).ifPresent(prompt -> {
            prompt.outcome = status.name();
            prompt.outcomeDetail = detail == null || detail.length() <= TEXT_LIMIT ? detail : detail.substring(0, TEXT_LIMIT);
        }));
    }

    public Optional<TextRunView> find(UUID runId) {
        return QuarkusTransaction.joiningExisting().call(() -> runs.findByIdOptional(runId).map(this::view));
    }

    public List<TextRunView> listRecent(int limit) {
        return QuarkusTransaction.joiningExisting().call(() -> runs.listNewestFirst(limit).stream().map(this::view).toList());
    }

    private TextRunView view(TextRunEntity run) {
        List<TextRunView.PromptView> views = new ArrayList<>();
        int exported = 0;
        int failed = 0;
        for (TextPromptEntity prompt : prompts.listForRun(run.id)) {
            JobView job = jobs.find(prompt.jobId).orElseThrow();
            exported += job.state() == JobState.EXPORTED ? 1 : 0;
            failed += job.state() == JobState.FAILED ? 1 : 0;
            List<TextRunView.CandidateView> candidates = outputs.listForJob(prompt.jobId).stream()
                    .sorted(Comparator.comparingInt(JobOutput::candidateIndex))
                    .map(output -> new TextRunView.CandidateView(output.candidateIndex(), output.sopInstanceUid().value(),
                            output.seed().isPresent() ? output.seed().getAsLong() : null, output.state().name()))
                    .toList();
            String detail = prompt.outcomeDetail != null && !prompt.outcomeDetail.isBlank() ? prompt.outcomeDetail
                    : job.state() == JobState.FAILED ? job.reason() : null;
            views.add(new TextRunView.PromptView(prompt.bodyPart, prompt.prompt, prompt.jobId, job.state(), prompt.outcome,
                    detail, job.studyInstanceUid(), candidates));
        }
        int running = views.size() - exported - failed;
        return new TextRunView(run.id, run.createdAt, run.startedBy, run.generator, run.promptTemplate, run.negativePrompt,
                run.candidatesPerPrompt, run.seedPolicy, running == 0,
                new TextRunView.Progress(views.size(), exported, failed, running), views);
    }

    private static List<String> bodyParts(List<String> requested) {
        if (requested == null || requested.isEmpty()) {
            throw new InvalidRequestException("bodyParts must name at least one body part, e.g. [\"chest\", \"knee\"]");
        }
        if (requested.size() > MAX_BODY_PARTS) {
            throw new InvalidRequestException("A run takes at most " + MAX_BODY_PARTS + " body parts");
        }
        List<String> parts = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String part : requested) {
            String cleaned = part == null ? "" : part.strip().replaceAll("\\s+", " ");
            if (!BODY_PART.matcher(cleaned).matches()) {
                throw new InvalidRequestException("Body part '" + part + "' must be 1 to 64 letters, spaces or hyphens");
            }
            if (!seen.add(cleaned.toLowerCase(Locale.ROOT))) {
                throw new InvalidRequestException("Body part '" + cleaned + "' is named twice");
            }
            parts.add(cleaned);
        }
        return parts;
    }

    private static ImageDescription describe(String bodyPart) {
        return new ImageDescription(null, bodyPart, null, null, null, null, null, null, null, null);
    }

    private static StudyInstanceUid syntheticStudy(UUID runId, String bodyPart) {
        return new StudyInstanceUid(Uids.derive("txt2img-study", runId.toString(), bodyPart.toLowerCase(Locale.ROOT)));
    }
}
