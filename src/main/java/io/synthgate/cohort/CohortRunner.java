package io.synthgate.cohort;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.synthgate.database.WhileDatabaseDown;
import io.synthgate.ingest.SourcesConfig.RetrieveMethod;
import io.synthgate.replica.Replica;
import io.synthgate.study.ArrivalRecorder;
import io.synthgate.study.StudyService;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Runs cohorts: the query, then each matched study's retrieve, never more at once from one source than
 * its {@code max-associations} (across every cohort of this replica). A study is completed when its
 * retrieve ends, every acknowledged instance recorded first, and goes into the cohort's experiments; the
 * idle sweep leaves it alone meanwhile ({@link RetrievesInProgress}). A replica that restarts takes up
 * the cohorts it was running; one that died loses them, once their lease lapses, to the next replica's heartbeat.
 */
@ApplicationScoped
public class CohortRunner {

    private static final Logger LOG = Logger.getLogger(CohortRunner.class);

    private final CohortLedger ledger;
    private final Sources sources;
    private final QueryRetrieveClient client;
    private final StudyService studies;
    private final ArrivalRecorder recorder;
    private final Replica replica;
    private final ExecutorService cohortThreads = Executors.newCachedThreadPool(daemon("cohort"));
    private final ExecutorService retrievers = Executors.newCachedThreadPool(daemon("cohort-retrieve"));
    private final Map<String, Semaphore> throttles = new ConcurrentHashMap<>();
    /** The cohorts running here, each with whether it was asked to run again meanwhile. */
    private final Map<UUID, Boolean> running = new HashMap<>();
    /** Whether the start-up is through: the listener a C-MOVE sends to is up. */
    private volatile boolean listening;

    public CohortRunner(CohortLedger ledger, Sources sources, QueryRetrieveClient client, StudyService studies,
            ArrivalRecorder recorder, Replica replica) {
        this.ledger = ledger;
        this.sources = sources;
        this.client = client;
        this.studies = studies;
        this.recorder = recorder;
        this.replica = replica;
    }

    /** After the listener has started (its observer has the default priority): a C-MOVE needs it. */
    void resumeOwnCohorts(@Observes @Priority(Interceptor.Priority.APPLICATION + 1000) StartupEvent event) {
        for (UUID id : ledger.runningHereBefore()) {
            if (ledger.plan(id).state() == CohortState.RETRIEVING) {
                ledger.resume(id, CohortState.RETRIEVING, "resumed after a restart of replica " + replica.name());
            }
            LOG.infof("Cohort %s: taken up again after a restart", id);
            start(id);
        }
        listening = true;
    }

    /**
     * Renews the leases of the cohorts running here, and takes over the running cohorts of replicas whose
     * lease lapsed: one that died, or on Kubernetes a pod replaced under a new name, which would otherwise
     * leave its cohorts running forever. Takeovers wait for the listener, as a restart's cohorts do.
     */
    @Scheduled(every = "${synthgate.replica.heartbeat-interval:15s}", delay = 5, delayUnit = TimeUnit.SECONDS,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = WhileDatabaseDown.class)
    void heartbeat() {
        Set<UUID> here;
        synchronized (running) {
            here = Set.copyOf(running.keySet());
        }
        ledger.renewLeases(here);
        if (!listening) {
            return;
        }
        ledger.takeOverLapsed().forEach((id, previous) -> {
            LOG.infof("Cohort %s: taken over from replica %s, whose lease lapsed", id, previous);
            start(id);
        });
    }

    void stop(@Observes ShutdownEvent event) {
        cohortThreads.shutdownNow();
        retrievers.shutdownNow();
    }

    /**
     * Runs the cohort on a thread of its own. When it already runs here (a retry asked for just as its
     * run was ending), that thread runs it once more rather than a second thread beside it.
     */
    public void start(UUID id) {
        synchronized (running) {
            if (running.putIfAbsent(id, false) != null) {
                running.put(id, true);
                return;
            }
        }
        cohortThreads.execute(() -> {
            boolean again;
            do {
                try {
                    run(id);
                } catch (RuntimeException e) {
                    LOG.errorf(e, "Cohort %s stopped on an unexpected error", id);
                    ledger.transition(id, CohortState.FAILED, "stopped on an unexpected error: " + e.getMessage());
                }
                synchronized (running) {
                    again = running.get(id);
                    if (again) {
                        running.put(id, false);
                    } else {
                        running.remove(id);
                    }
                }
            } while (again);
        });
    }

    private void run(UUID id) {
        CohortPlan plan = ledger.plan(id);
        if (!plan.state().isRunning()) {
            return;
        }
        Source source = sources.find(plan.source()).orElse(null);
        if (source == null) {
            end(id, CohortState.FAILED, "source '" + plan.source() + "' is no longer configured under synthgate.sources");
            return;
        }
        if (plan.state() == CohortState.QUERYING && !query(id, source, plan)) {
            return;
        }
        retrieveAll(id, source, plan.experiments());
    }

    /** Asks the source; whether the cohort goes on to retrieve. */
    private boolean query(UUID id, Source source, CohortPlan plan) {
        List<StudyMatch> matches;
        try {
            matches = client.findStudies(source, ledger.query(id));
        } catch (IOException e) {
            LOG.warnf("Cohort %s: %s", id, e.getMessage());
            end(id, CohortState.FAILED, e.getMessage());
            return false;
        }
        Optional<String> cancelledBy = ledger.cancelRequestedBy(id);
        if (cancelledBy.isPresent()) {
            if (!ledger.matched(id, matches, match -> studies.isKnown(match.study()), CohortState.CANCELLED,
                    "cancelled by " + cancelledBy.get() + " while querying")) {
                lost(id);
            }
            return false;
        }
        CohortState next = matches.isEmpty() ? CohortState.DONE
                : plan.dryRun() ? CohortState.MATCHED : CohortState.RETRIEVING;
        String reason = switch (next) {
            case DONE -> "no study at " + source.describe() + " matches the query";
            case MATCHED -> matches.size() + " studies match; they wait for a request to retrieve them";
            default -> matches.size() + " studies match";
        };
        if (!ledger.matched(id, matches, match -> studies.isKnown(match.study()), next, reason)) {
            lost(id);
            return false;
        }
        LOG.infof("Cohort %s: %s", id, reason);
        return next == CohortState.RETRIEVING;
    }

    private void retrieveAll(UUID id, Source source, List<String> experiments) {
        Semaphore throttle = throttles.computeIfAbsent(source.name(), name -> new Semaphore(source.maxAssociations(),
                true));
        List<Future<?>> retrieves = new ArrayList<>();
        Optional<String> cancelledBy = Optional.empty();
        boolean lost = false;
        try {
            for (StudyMatch match : ledger.pending(id)) {
                throttle.acquire();
                cancelledBy = ledger.cancelRequestedBy(id);
                if (cancelledBy.isPresent()) {
                    throttle.release();
                    break;
                }
                if (!ledger.retrieving(id, match)) {
                    throttle.release();
                    lost = true;
                    break;
                }
                retrieves.add(retrievers.submit(() -> {
                    try {
                        retrieve(id, source, match, experiments);
                    } finally {
                        throttle.release();
                    }
                }));
            }
            for (Future<?> retrieve : retrieves) {
                retrieve.get();
            }
        } catch (InterruptedException e) {
            // The replica is stopping: the cohort stays RETRIEVING and is taken up again when it starts.
            Thread.currentThread().interrupt();
            return;
        } catch (ExecutionException e) {
            throw new IllegalStateException("a retrieve failed unexpectedly", e.getCause());
        }
        if (lost) {
            lost(id);
            return;
        }
        Map<CohortStudyState, Integer> counts = ledger.studyCounts(id);
        String summary = counts.get(CohortStudyState.RETRIEVED) + " retrieved, "
                + counts.get(CohortStudyState.ALREADY_RECEIVED) + " received before, "
                + counts.get(CohortStudyState.FAILED) + " failed";
        boolean ended;
        if (cancelledBy.isPresent()) {
            ended = end(id, CohortState.CANCELLED, "cancelled by " + cancelledBy.get() + ": " + summary + ", "
                    + counts.get(CohortStudyState.MATCHED) + " not retrieved");
        } else if (counts.get(CohortStudyState.FAILED) > 0) {
            ended = end(id, CohortState.FAILED, summary + "; a retry retrieves the failed studies again");
        } else {
            ended = end(id, CohortState.DONE, summary);
        }
        if (ended) {
            LOG.infof("Cohort %s: %s", id, summary);
        }
    }

    /** Ends the cohort's run in {@code state}; whether this replica ended it, not one that took it over. */
    private boolean end(UUID id, CohortState state, String reason) {
        if (ledger.finish(id, state, reason)) {
            return true;
        }
        lost(id);
        return false;
    }

    /** This replica stalled past its lease and another took the cohort over: that one goes on with it. */
    private void lost(UUID id) {
        LOG.warnf("Cohort %s: replica %s took it over while this replica was stalled past its lease; this replica"
                + " starts no further retrieve for it", id, ledger.owner(id));
    }

    /**
     * One study: retrieved, its instances recorded, then completed into the cohort's experiments. What
     * arrived goes on even when the retrieve was incomplete; a retry brings the rest, which join a
     * follow-up job as late arrivals of a pushed study do.
     */
    private void retrieve(UUID id, Source source, StudyMatch match, List<String> experiments) {
        try {
            RetrieveOutcome outcome = source.retrieve() == RetrieveMethod.MOVE ? client.move(source, match.study())
                    : client.get(source, match);
            String failure = outcome.failure();
            if (failure != null && outcome.problem() == null && source.retrieve() == RetrieveMethod.MOVE) {
                // A PACS that does not know the destination may say only "unable to process" (Orthanc does).
                failure = "C-MOVE to " + source.moveDestination() + ": " + failure;
            }
            if (!ledger.holds(id)) {
                // Another replica took the cohort over during this retrieve: it retrieves the study again and
                // completes it whole, where completing it here would make a job of what arrived so far.
                return;
            }
            List<UUID> jobs = List.of();
            if (recorder.awaitRecorded()) {
                jobs = studies.completeRetrieved(match.study(), experiments, "cohort " + id);
            } else {
                LOG.warnf("Cohort %s: study %s is retrieved but the database is slow to record its instances; the idle"
                        + " sweep completes it once they are", id, match.study());
            }
            if (failure != null) {
                LOG.warnf("Cohort %s: study %s from %s: %s", id, match.study(), source.describe(), failure);
            }
            ledger.retrieved(id, match, outcome, jobs, failure);
        } catch (RuntimeException e) {
            LOG.errorf(e, "Cohort %s: study %s could not be retrieved", id, match.study());
            ledger.retrieved(id, match, RetrieveOutcome.broken(e.getMessage()), List.of(), e.toString());
        }
    }

    private static ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
