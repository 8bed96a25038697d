package io.synthgate.admin;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.synthgate.database.WhileDatabaseDown;
import io.synthgate.experiment.ExperimentCatalog;
import io.synthgate.generator.GenerationBudget;
import io.synthgate.job.JobOutputService;
import io.synthgate.job.JobService;
import io.synthgate.job.JobState;
import io.synthgate.pipeline.Experiment;
import io.synthgate.spool.Spool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Gauges read from the database: jobs by state, the review queue and each experiment's budget used
 * today ({@code synthgate_jobs}, {@code synthgate_review_queue}, {@code synthgate_budget_used_images}),
 * plus the spool's free bytes. The counts are refreshed every few seconds rather than at each scrape,
 * so neither Prometheus nor the dashboard, which shows the same numbers, ever queries the database.
 */
@ApplicationScoped
public class GatewayGauges {

    private final JobService jobs;
    private final JobOutputService outputs;
    private final GenerationBudget budget;
    private final ExperimentCatalog experiments;
    private final Spool spool;
    private final MeterRegistry registry;
    private final Map<JobState, AtomicLong> jobsByState = new EnumMap<>(JobState.class);
    private final AtomicLong reviewQueue = new AtomicLong();
    private final Map<String, AtomicLong> budgetUsed = new TreeMap<>();

    public GatewayGauges(JobService jobs, JobOutputService outputs, GenerationBudget budget,
            ExperimentCatalog experiments, Spool spool, MeterRegistry registry) {
        this.jobs = jobs;
        this.outputs = outputs;
        this.budget = budget;
        this.experiments = experiments;
        this.spool = spool;
        this.registry = registry;
    }

    void register(@Observes StartupEvent start) {
        for (JobState state : JobState.values()) {
            AtomicLong count = new AtomicLong();
            jobsByState.put(state, count);
            Gauge.builder("synthgate.jobs", count, AtomicLong::get).tag("state", state.name())
                    .description("Jobs in each state").register(registry);
        }
        Gauge.builder("synthgate.review.queue", reviewQueue, AtomicLong::get)
                .description("Candidates awaiting a radiologist's verdict").register(registry);
        for (Experiment experiment : experiments.enabled()) {
            if (experiment.imagesPerDay().isPresent()) {
                AtomicLong used = new AtomicLong();
                budgetUsed.put(experiment.name(), used);
                Gauge.builder("synthgate.budget.used", used, AtomicLong::get).baseUnit("images")
                        .tag("experiment", experiment.name())
                        .description("Images of the experiment's daily budget used today (UTC)").register(registry);
            }
        }
        Gauge.builder("synthgate.spool.free", spool, Spool::freeBytes).baseUnit("bytes")
                .description("Free space on the spool's file system").register(registry);
        refresh();
    }

    @Scheduled(every = "${synthgate.admin.gauge-interval:10s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = WhileDatabaseDown.class)
    void refresh() {
        Map<JobState, Long> counts = jobs.countByState();
        jobsByState.forEach((state, count) -> count.set(counts.getOrDefault(state, 0L)));
        reviewQueue.set(outputs.countAwaitingReview());
        budgetUsed.forEach((experiment, used) -> used.set(budget.usedToday(experiment)));
    }

    /** Jobs in each state, as last counted. */
    public Map<JobState, Long> jobsByState() {
        Map<JobState, Long> snapshot = new EnumMap<>(JobState.class);
        jobsByState.forEach((state, count) -> snapshot.put(state, count.get()));
        return snapshot;
    }

    /** Candidates awaiting a verdict, as last counted. */
    public long reviewQueue() {
        return reviewQueue.get();
    }

    /** Images used today by each experiment that has a daily budget, as last counted. */
    public Map<String, Long> budgetUsedToday() {
        Map<String, Long> snapshot = new TreeMap<>();
        budgetUsed.forEach((experiment, used) -> snapshot.put(experiment, used.get()));
        return snapshot;
    }
}
