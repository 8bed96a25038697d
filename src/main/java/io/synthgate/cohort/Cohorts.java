package io.synthgate.cohort;

import io.synthgate.experiment.ExperimentCatalog;
import io.synthgate.failure.ConflictException;
import io.synthgate.failure.InvalidRequestException;
import io.synthgate.pipeline.Experiment;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** What may be asked of cohorts: open one, retrieve a dry run's matches, retry, cancel, and read them. */
@ApplicationScoped
public class Cohorts {

    /** Studies a cohort takes unless its request says otherwise. */
    public static final int DEFAULT_LIMIT = 500;
    /** Most studies one cohort may take. */
    public static final int MAX_LIMIT = 10_000;

    private final CohortLedger ledger;
    private final CohortRunner runner;
    private final Sources sources;
    private final ExperimentCatalog experiments;

    public Cohorts(CohortLedger ledger, CohortRunner runner, Sources sources, ExperimentCatalog experiments) {
        this.ledger = ledger;
        this.runner = runner;
        this.sources = sources;
        this.experiments = experiments;
    }

    /**
     * Opens a cohort and starts its query.
     *
     * @throws InvalidRequestException naming the unknown source or experiment, the key not allowed, or the
     *         limit out of range
     */
    public CohortView open(CohortRequest request, String requestedBy) {
        if (request.source() == null || sources.find(request.source()).isEmpty()) {
            throw new InvalidRequestException("Unknown source '" + request.source() + "'; configured under "
                    + "synthgate.sources: " + sources.names());
        }
        StudyQuery.of(request.query(), request.accessionNumbers());
        List<String> named = request.experiments() == null ? List.of() : List.copyOf(request.experiments());
        List<String> routable = experimentNames();
        for (String experiment : named) {
            if (!routable.contains(experiment)) {
                throw new InvalidRequestException("Experiment '" + experiment + "' is not an enabled study experiment;"
                        + " enabled: " + routable);
            }
        }
        int limit = request.limit() == null ? DEFAULT_LIMIT : request.limit();
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidRequestException("limit is " + limit + "; a cohort takes 1 to " + MAX_LIMIT + " studies");
        }
        UUID id = ledger.open(request.source(), request.query() == null ? Map.of() : request.query(),
                request.accessionNumbers() == null ? List.of() : request.accessionNumbers(), named, limit,
                Boolean.TRUE.equals(request.dryRun()), requestedBy);
        runner.start(id);
        return require(id);
    }

    /** Retrieves the matches of a dry run. */
    public CohortView retrieve(UUID id, String requestedBy) {
        CohortState state = ledger.plan(id).state();
        if (state != CohortState.MATCHED) {
            throw new ConflictException("Cohort " + id + " is " + state + "; only a dry run's"
                    + " matches (MATCHED) wait to be retrieved");
        }
        ledger.resume(id, CohortState.RETRIEVING, "retrieve requested by " + requestedBy);
        runner.start(id);
        return require(id);
    }

    /** Takes a failed cohort's failed part again: its query if that failed, else its failed studies. */
    public CohortView retry(UUID id, String requestedBy) {
        CohortState state = ledger.plan(id).state();
        if (state != CohortState.FAILED) {
            throw new ConflictException("Cohort " + id + " is " + state
                    + "; only a FAILED cohort is retried");
        }
        boolean queried = ledger.hasStudies(id);
        ledger.resume(id, queried ? CohortState.RETRIEVING : CohortState.QUERYING,
                (queried ? "retry of the failed studies requested by " : "retry of the query requested by ")
                        + requestedBy);
        runner.start(id);
        return require(id);
    }

    /** Stops a cohort: the retrieves running finish, no further one starts. */
    public CohortView cancel(UUID id, String requestedBy) {
        ledger.requestCancel(id, requestedBy);
        return require(id);
    }

    /** The configured sources' names, for a form. */
    public List<String> sourceNames() {
        return sources.names();
    }

    /** The experiments a cohort may name: the enabled study experiments. */
    public List<String> experimentNames() {
        return experiments.routable().stream().map(Experiment::name).toList();
    }

    public Optional<CohortView> find(UUID id) {
        return ledger.find(id);
    }

    public List<CohortView> list(int limit) {
        return ledger.list(Math.max(1, Math.min(limit, 1000)));
    }

    private CohortView require(UUID id) {
        return ledger.find(id).orElseThrow(() -> new IllegalArgumentException("No cohort " + id));
    }
}
