package io.synthgate.report;

import io.synthgate.dicom.SopInstanceUid;
import io.synthgate.expertmask.ExpertMasks;
import io.synthgate.job.JobOutput;
import io.synthgate.job.JobOutputService;
import io.synthgate.job.JobService;
import io.synthgate.job.JobView;
import io.synthgate.review.CandidateVerdict;
import io.synthgate.review.ReviewService;
import io.synthgate.txt2img.TextRunView;
import io.synthgate.txt2img.TextRuns;
import io.synthgate.wrap.SyntheticFiles;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Builds reports: one for a text-to-image run (a row per body part), one for a study experiment such
 * as {@code inpaint} (a row per source image: original, masked input, candidates). Candidates are
 * never filtered: refused prompts and rejected candidates appear with their outcome.
 */
@ApplicationScoped
public class ReportService {

    private final TextRuns runs;
    private final JobService jobs;
    private final JobOutputService outputs;
    private final SyntheticFiles files;
    private final ReviewService reviews;
    private final ExpertMasks expertMasks;

    public ReportService(TextRuns runs, JobService jobs, JobOutputService outputs, SyntheticFiles files,
            ReviewService reviews, ExpertMasks expertMasks) {
        this.reviews = reviews;
        this.expertMasks = expertMasks;
        this.runs = runs;
        this.jobs = jobs;
        this.outputs = outputs;
        this.files = files;
    }

    public Optional<Report> forRun(UUID runId) throws IOException {
        Optional<TextRunView> found = runs.find(runId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        TextRunView run = found.get();
        List<Report.Row> rows = new ArrayList<>();
        for (TextRunView.PromptView prompt : run.prompts()) {
            rows.add(new Report.Row(prompt.bodyPart(), prompt.prompt(), prompt.outcome(), prompt.detail(), Optional.empty(), "",
                    candidates(outputs.listForJob(prompt.jobId()), reviews.verdicts(prompt.jobId()))));
        }
        return Optional.of(new Report("Text-to-image run " + run.id(), "Generator " + run.generator() + ", prompt \""
                + run.promptTemplate() + "\", " + run.candidatesPerPrompt() + " candidates per prompt, all kept; started "
                + run.createdAt() + (run.startedBy() == null ? "" : " by " + run.startedBy()) + ".", rows));
    }

    /** The report of every job an experiment's route took, newest jobs first; empty when it took none. */
    public Optional<Report> forExperiment(String experiment, int maxJobs) throws IOException {
        List<JobView> taken = jobs.listForExperiment(experiment, maxJobs);
        if (taken.isEmpty()) {
            return Optional.empty();
        }
        List<Report.Row> rows = new ArrayList<>();
        for (JobView job : taken) {
            Map<String, CandidateVerdict> verdicts = reviews.verdicts(job.id());
            Map<SopInstanceUid, String> drawnMasks = expertMasks.describe(job.id());
            Map<String, List<JobOutput>> bySource = new LinkedHashMap<>();
            for (JobOutput output : outputs.listForJob(job.id())) {
                bySource.computeIfAbsent(output.source().map(Object::toString).orElse(output.sopInstanceUid().value()),
                        key -> new ArrayList<>()).add(output);
            }
            int image = 0;
            for (List<JobOutput> candidates : bySource.values()) {
                List<Report.Candidate> row = candidates(candidates, verdicts);
                Optional<Path> original = files.headerIfKept(candidates.get(0).file()).flatMap(SyntheticFiles.Header::source);
                JobOutput first = candidates.get(0);
                String mask = first.maskSpec() == null ? "" : first.source().map(drawnMasks::get)
                        .map(drawn -> first.maskSpec() + " (" + drawn + ")").orElse(first.maskSpec());
                rows.add(new Report.Row("job " + job.id().toString().substring(0, 8) + " image " + (++image), "",
                        "OK", null, original, mask, row));
            }
            if (bySource.isEmpty() && job.reason() != null) {
                rows.add(new Report.Row("job " + job.id().toString().substring(0, 8), "", job.state().name(), job.reason(),
                        Optional.empty(), "", List.of()));
            }
        }
        return Optional.of(new Report("Experiment " + experiment, taken.size() + " jobs, newest first; every candidate "
                + "shown with its fidelity inside the mask.", rows));
    }

    /** One CSV line per candidate, and one per prompt that produced none (its outcome and reason). */
    public String csv(Report report) {
        StringBuilder csv = new StringBuilder("row,prompt,outcome,reason,mask,candidate,sop_instance_uid,body_part,"
                + "operation,generator,model,seed,psnr_db,ssim,mae,state,verdict,grade,readings\n");
        for (Report.Row row : report.rows()) {
            if (row.candidates().isEmpty()) {
                csv.append(String.join(",", CsvField.of(row.label()), CsvField.of(row.prompt()),
                        CsvField.of(row.outcome()), CsvField.of(row.detail()), CsvField.of(row.mask()), "", "", "", "",
                        "", "", "", "", "", "", "", "", "", "")).append('\n');
            }
            for (Report.Candidate c : row.candidates()) {
                csv.append(String.join(",", CsvField.of(row.label()), CsvField.of(row.prompt()),
                        CsvField.of(row.outcome()), "", CsvField.of(row.mask()), Integer.toString(c.index()),
                        c.sopInstanceUid(),
                        CsvField.of(c.bodyPart()), c.operation(), CsvField.of(c.generator()), CsvField.of(c.model()),
                        c.seed() == null ? "" : c.seed().toString(), number(c.psnrDb()), number(c.ssim()),
                        number(c.meanAbsoluteError()), c.state(), c.verdict() == null ? "" : c.verdict(),
                        c.gradeText(), CsvField.of(readings(c)))).append('\n');
            }
        }
        return csv.toString();
    }

    /**
     * The summary by body part and operation: candidates, prompts without any, and mean fidelity.
     *
     * @param bodyPart the body part ("" when unknown)
     * @param operation the operation
     * @param candidates candidates made
     * @param withoutImages rows (prompts or sources) that produced none
     * @param meanPsnrDb mean PSNR inside the mask, when measured
     * @param meanSsim mean SSIM inside the mask, when measured
     * @param meanAbsoluteError mean MAE inside the mask, when measured
     */
    public record SummaryLine(String bodyPart, String operation, int candidates, int withoutImages, Double meanPsnrDb,
            Double meanSsim, Double meanAbsoluteError, long approved, long rejected, Double meanGrade,
            Optional<Agreement> agreement) {
    }

    public List<SummaryLine> summary(Report report) {
        Map<String, List<Report.Candidate>> groups = new LinkedHashMap<>();
        Map<String, Integer> empty = new LinkedHashMap<>();
        for (Report.Row row : report.rows()) {
            if (row.candidates().isEmpty()) {
                empty.merge(row.label().toUpperCase(Locale.ROOT) + "|" + "TXT2IMG", 1, Integer::sum);
            }
            for (Report.Candidate c : row.candidates()) {
                groups.computeIfAbsent(c.bodyPart() + "|" + c.operation(), key -> new ArrayList<>()).add(c);
            }
        }
        empty.keySet().forEach(key -> groups.putIfAbsent(key, List.of()));
        List<SummaryLine> lines = new ArrayList<>();
        groups.forEach((key, candidates) -> {
            String[] parts = key.split("\\|", 2);
            lines.add(new SummaryLine(parts[0], parts[1], candidates.size(), empty.getOrDefault(key, 0),
                    mean(candidates, Report.Candidate::psnrDb), mean(candidates, Report.Candidate::ssim),
                    mean(candidates, Report.Candidate::meanAbsoluteError), verdicts(candidates, "APPROVED"),
                    verdicts(candidates, "REJECTED"),
                    mean(candidates, Report.Candidate::grade),
                    Agreement.of(candidates.stream().map(Report.Candidate::readings).toList())));
        });
        lines.sort(Comparator.comparing(SummaryLine::bodyPart).thenComparing(SummaryLine::operation));
        return lines;
    }

    /** Every reader's verdict on the candidate, "reader: VERDICT" joined by "; ", readers in name order. */
    private static String readings(Report.Candidate candidate) {
        return new TreeMap<>(candidate.readings()).entrySet().stream().map(e -> e.getKey() + ": " + e.getValue())
                .collect(Collectors.joining("; "));
    }

    private List<Report.Candidate> candidates(List<JobOutput> made, Map<String, CandidateVerdict> verdicts)
            throws IOException {
        List<Report.Candidate> candidates = new ArrayList<>();
        for (JobOutput output : made.stream().sorted(Comparator.comparingInt(JobOutput::candidateIndex)).toList()) {
            SyntheticFiles.Header header = files.headerIfKept(output.file()).orElse(SyntheticFiles.Header.REMOVED);
            Optional<CandidateVerdict> verdict = Optional.ofNullable(verdicts.get(output.sopInstanceUid().value()));
            Map<String, String> readings = new HashMap<>();
            verdict.ifPresent(given -> given.readings().forEach(reading -> readings.put(reading.reviewer(),
                    reading.decision())));
            candidates.add(new Report.Candidate(output.candidateIndex(), output.sopInstanceUid().value(), output.file(),
                    header.bodyPart(), header.operation(), header.provider(), header.model(),
                    output.seed().isPresent() ? output.seed().getAsLong() : null,
                    output.metrics() == null ? null : output.metrics().psnrDb(),
                    output.metrics() == null ? null : output.metrics().ssim(),
                    output.metrics() == null ? null : output.metrics().meanAbsoluteError(), output.state().name(),
                    verdict.flatMap(CandidateVerdict::decision).orElse(null),
                    verdict.flatMap(CandidateVerdict::meanGrade).orElse(null), readings));
        }
        return candidates;
    }

    private static long verdicts(List<Report.Candidate> candidates, String verdict) {
        return candidates.stream().filter(c -> verdict.equals(c.verdict())).count();
    }

    private static Double mean(List<Report.Candidate> candidates, java.util.function.Function<Report.Candidate, Double> value) {
        OptionalDouble mean = candidates.stream().map(value).filter(v -> v != null).mapToDouble(Double::doubleValue).average();
        return mean.isPresent() ? mean.getAsDouble() : null;
    }

    private static String number(Double value) {
        return value == null ? "" : String.format(Locale.ROOT, "%.4f", value);
    }
}
