package io.synthgate.cohort;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.synthgate.dicom.StudyInstanceUid;
import io.synthgate.failure.ConflictException;
import io.synthgate.job.JobService;
import io.synthgate.replica.Replica;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The only writer of cohorts and their studies: each change of state is checked against
 * {@link CohortState#allowedNext()} and committed on its own, so the API shows progress as it happens
 * and a restart finds each study where it was.
 */
@ApplicationScoped
@Transactional
public class CohortLedger {

    private static final int REASON_LIMIT = 2000;
    private static final int FAILED_LISTED = 100;

    private final CohortRepositories.Cohorts cohorts;
    private final CohortRepositories.Studies studies;
    private final JobService jobs;
    private final ObjectMapper json;
    private final Clock clock;
    private final Replica replica;

    CohortLedger(CohortRepositories.Cohorts cohorts, CohortRepositories.Studies studies, JobService jobs,
            ObjectMapper json, Clock clock, Replica replica) {
        this.cohorts = cohorts;
        this.studies = studies;
        this.jobs = jobs;
        this.json = json;
        this.clock = clock;
        this.replica = replica;
    }

    /** A new cohort in QUERYING, to be run by this replica. */
    public UUID open(String source, Map<String, String> keys, List<String> accessionNumbers, List<String> experiments,
            int limit, boolean dryRun, String createdBy) {
        CohortEntity cohort = new CohortEntity();
        cohort.id = UUID.randomUUID();
        cohort.source = source;
        Map<String, Object> asked = new LinkedHashMap<>();
        asked.put("query", keys);
        asked.put("accessionNumbers", accessionNumbers);
        cohort.query = write(asked);
        cohort.experiments = joined(experiments);
        cohort.studyLimit = limit;
        cohort.dryRun = dryRun;
        cohort.state = CohortState.QUERYING;
        cohort.createdBy = createdBy;
        cohort.createdAt = clock.instant();
        hold(cohort);
        cohort.updatedAt = cohort.createdAt;
        cohorts.persist(cohort);
        return cohort.id;
    }

    /** The query the cohort was opened with. */
    public StudyQuery query(UUID id) {
        Map<String, Object> asked = read(require(id).query);
        @SuppressWarnings("unchecked")
        Map<String, String> keys = (Map<String, String>) asked.getOrDefault("query", Map.of());
        @SuppressWarnings("unchecked")
        List<String> accessions = (List<String>) asked.getOrDefault("accessionNumbers", List.of());
        return StudyQuery.of(keys, accessions);
    }

    /**
     * Records the query's answer: the first {@code limit} matches, each MATCHED or, when the study was
     * received before, ALREADY_RECEIVED; the cohort moves on to {@code next}.
     *
     * @return false, recording nothing, when another replica took the cohort over meanwhile
     */
    public boolean matched(UUID id, List<StudyMatch> matches, Predicate<StudyMatch> known,
            CohortState next, String reason) {
        Optional<CohortEntity> held = heldHere(id);
        if (held.isEmpty()) {
            return false;
        }
        CohortEntity cohort = held.get();
        studies.delete("cohortId", id);
        cohort.matched = matches.size();
        Instant now = clock.instant();
        for (StudyMatch match : matches.subList(0, Math.min(matches.size(), cohort.studyLimit))) {
            CohortStudyEntity study = new CohortStudyEntity();
            study.cohortId = id;
            study.studyInstanceUid = match.study().value();
            study.accessionNumber = match.accessionNumber();
            study.studyDate = match.studyDate();
            study.modalities = match.modalities();
            study.expectedInstances = match.instances().orElse(null);
            study.sopClasses = joined(match.sopClasses());
            study.state = known.test(match) ? CohortStudyState.ALREADY_RECEIVED : CohortStudyState.MATCHED;
            study.reason = study.state == CohortStudyState.ALREADY_RECEIVED
                    ? "received before; not fetched again" : null;
            study.updatedAt = now;
            studies.persist(study);
        }
        move(cohort, next, reason);
        return true;
    }

    /** Moves the cohort to {@code next}; refuses a move its table does not allow. */
    public void transition(UUID id, CohortState next, String reason) {
        move(require(id), next, reason);
    }

    /**
     * Ends the cohort's run in {@code next}, unless another replica took the cohort over meanwhile: that
     * one's run ends it.
     *
     * @return whether this replica ended it
     */
    public boolean finish(UUID id, CohortState next, String reason) {
        Optional<CohortEntity> held = heldHere(id);
        held.ifPresent(cohort -> move(cohort, next, reason));
        return held.isPresent();
    }

    /** Takes the cohort up again on this replica in {@code next}, its failed or interrupted studies back to MATCHED. */
    public void resume(UUID id, CohortState next, String reason) {
        CohortEntity cohort = require(id);
        if (cohort.state != next) {
            move(cohort, next, reason);
        } else {
            cohort.reason = reason;
        }
        hold(cohort);
        cohort.cancelRequested = false;
        cohort.cancelledBy = null;
        for (CohortStudyEntity study : studies.list("cohortId = ?1 and state in ?2", id,
                List.of(CohortStudyState.FAILED, CohortStudyState.RETRIEVING))) {
            study.state = CohortStudyState.MATCHED;
            study.updatedAt = clock.instant();
        }
    }

    /** Asks a running cohort to stop: it starts no further retrieve. */
    public void requestCancel(UUID id, String requestedBy) {
        CohortEntity cohort = require(id);
        if (!cohort.state.allowedNext().contains(CohortState.CANCELLED)) {
            throw new ConflictException("Cohort " + id + " is " + cohort.state + "; only a running or matched cohort"
                    + " can be cancelled");
        }
        if (cohort.state == CohortState.MATCHED) {
            move(cohort, CohortState.CANCELLED, "cancelled by " + requestedBy + " before retrieving");
        } else {
            cohort.cancelRequested = true;
            cohort.cancelledBy = requestedBy;
            cohort.updatedAt = clock.instant();
        }
    }

    /** Who asked the cohort to stop, if someone did while it runs. */
    public Optional<String> cancelRequestedBy(UUID id) {
        CohortEntity cohort = require(id);
        if (!cohort.cancelRequested) {
            return Optional.empty();
        }
        // A request made before SynthGate recorded who made it (migration V19) has no name.
        return Optional.of(cohort.cancelledBy == null ? "an earlier request" : cohort.cancelledBy);
    }

    /** The studies still to retrieve, in study date order. */
    public List<StudyMatch> pending(UUID id) {
        return studies.inState(id, CohortStudyState.MATCHED).stream()
                .map(s -> new StudyMatch(new StudyInstanceUid(s.studyInstanceUid), s.accessionNumber,
                        s.studyDate, s.modalities, Optional.ofNullable(s.expectedInstances), listed(s.sopClasses)))
                .toList();
    }

    /**
     * Marks the study RETRIEVING, unless another replica took the cohort over while this one stalled past
     * its lease: that one retrieves it.
     *
     * @return whether this replica is to retrieve it
     */
    public boolean retrieving(UUID id, StudyMatch match) {
        if (heldHere(id).isEmpty()) {
            return false;
        }
        CohortStudyEntity study = study(id, match);
        study.state = CohortStudyState.RETRIEVING;
        study.updatedAt = clock.instant();
        return true;
    }

    /**
     * Records how the study's retrieve ended, and the jobs it went into when it completed; not when another
     * replica took the cohort over meanwhile, as that one retrieves the study again and records it.
     */
    public void retrieved(UUID id, StudyMatch match, RetrieveOutcome outcome, List<UUID> jobIds, String failure) {
        if (heldHere(id).isEmpty()) {
            return;
        }
        CohortStudyEntity study = study(id, match);
        study.state = failure == null ? CohortStudyState.RETRIEVED : CohortStudyState.FAILED;
        study.status = outcome.statusHex();
        study.completed = outcome.completed();
        study.failed = outcome.failed();
        study.failedSopInstances = joined(outcome.failedSopInstances().subList(0,
                Math.min(FAILED_LISTED, outcome.failedSopInstances().size())));
        study.reason = limit(failure);
        study.jobIds = joined(jobIds.stream().map(UUID::toString).toList());
        study.updatedAt = clock.instant();
    }

    /** How many of the cohort's studies are in each state. */
    public Map<CohortStudyState, Integer> studyCounts(UUID id) {
        return counts(studies.list("cohortId", id));
    }

    private static Map<CohortStudyState, Integer> counts(List<CohortStudyEntity> rows) {
        Map<CohortStudyState, Integer> counts = new EnumMap<>(CohortStudyState.class);
        for (CohortStudyState state : CohortStudyState.values()) {
            counts.put(state, 0);
        }
        rows.forEach(s -> counts.merge(s.state, 1, Integer::sum));
        return counts;
    }

    public Optional<CohortView> find(UUID id) {
        return Optional.ofNullable(cohorts.findById(id)).map(this::view);
    }

    public List<CohortView> list(int limit) {
        return cohorts.newestFirst(limit).stream().map(this::view).map(CohortView::withoutStudies).toList();
    }

    /** The cohorts this replica was running when it stopped. */
    public List<UUID> runningHereBefore() {
        return cohorts.runningOwnedBy(replica.name()).stream().map(c -> c.id).toList();
    }

    /** The heartbeat of the cohorts running here: extends the leases of those of {@code ids} this replica holds. */
    public void renewLeases(Collection<UUID> ids) {
        if (!ids.isEmpty()) {
            cohorts.update("leaseUntil = ?1 where owner = ?2 and id in ?3", leaseEnd(), replica.name(), ids);
        }
    }

    /**
     * Claims for this replica the running cohorts whose owner's lease lapsed (it died, or stalled past its
     * lease), the studies it was retrieving back to MATCHED to be retrieved again; a cancel asked for meanwhile
     * still holds. Each claim re-checks the lapse in its update, so of replicas looking at once one takes each.
     *
     * @return each cohort taken over, with the replica it was taken from
     */
    public Map<UUID, String> takeOverLapsed() {
        Map<UUID, String> taken = new LinkedHashMap<>();
        Instant now = clock.instant();
        for (CohortEntity cohort : cohorts.lapsed(replica.name(), now)) {
            String reason = "taken over by replica " + replica.name() + " from replica " + cohort.owner
                    + ", whose lease lapsed (it stopped, or stalled past synthgate.replica.lease)";
            // A bulk update, not the entity's: it re-checks the lapse under the row's lock.
            if (cohorts.update("owner = ?1, leaseUntil = ?2, reason = ?3, updatedAt = ?4 where id = ?5 and owner = ?6"
                    + " and (leaseUntil is null or leaseUntil < ?4)", replica.name(), leaseEnd(), reason, now,
                    cohort.id, cohort.owner) == 1) {
                taken.put(cohort.id, cohort.owner);
                for (CohortStudyEntity study : studies.list("cohortId = ?1 and state = ?2", cohort.id,
                        CohortStudyState.RETRIEVING)) {
                    study.state = CohortStudyState.MATCHED;
                    study.updatedAt = now;
                }
            }
        }
        return taken;
    }

    /**
     * The cohort, locked, when this replica still holds it, its lease renewed: a replica that stalled past
     * its lease goes on where no other took the cohort over, and a takeover waits for the lock, then finds
     * the lease current. Empty when another replica took it.
     */
    private Optional<CohortEntity> heldHere(UUID id) {
        CohortEntity cohort = require(id, LockModeType.PESSIMISTIC_WRITE);
        if (!replica.name().equals(cohort.owner)) {
            return Optional.empty();
        }
        cohort.leaseUntil = leaseEnd();
        return Optional.of(cohort);
    }

    /** Whether this replica still holds the cohort (renewing its lease), and not another that took it over. */
    public boolean holds(UUID id) {
        return heldHere(id).isPresent();
    }

    /** The replica that holds the cohort now. */
    public String owner(UUID id) {
        return require(id).owner;
    }

    private void hold(CohortEntity cohort) {
        cohort.owner = replica.name();
        cohort.leaseUntil = leaseEnd();
    }

    private Instant leaseEnd() {
        return clock.instant().plus(replica.lease());
    }

    CohortPlan plan(UUID id) {
        CohortEntity cohort = require(id);
        return new CohortPlan(cohort.source, cohort.state, listed(cohort.experiments), cohort.dryRun);
    }

    /** Whether the query was answered: a failed cohort without studies is retried from its query. */
    public boolean hasStudies(UUID id) {
        return studies.count("cohortId", id) > 0;
    }

    private CohortView view(CohortEntity cohort) {
        List<CohortStudyEntity> rows = studies.ofCohort(cohort.id);
        List<UUID> jobIds = rows.stream().flatMap(r -> listed(r.jobIds).stream()).map(UUID::fromString).toList();
        Map<String, Long> jobStates = new TreeMap<>(jobs.findWithBeside(jobIds).stream()
                .collect(Collectors.groupingBy(job -> job.state().name(), Collectors.counting())));
        List<CohortView.StudyRow> list = new ArrayList<>();
        for (CohortStudyEntity row : rows) {
            list.add(new CohortView.StudyRow(row.studyInstanceUid, row.accessionNumber, row.studyDate, row.modalities,
                    row.expectedInstances, row.state, row.status, row.completed, row.failed,
                    listed(row.failedSopInstances), row.reason, listed(row.jobIds)));
        }
        return new CohortView(cohort.id, cohort.source, cohort.state, cohort.reason, cohort.owner,
                read(cohort.query), listed(cohort.experiments), cohort.studyLimit, cohort.dryRun, cohort.matched,
                counts(rows), jobStates, cohort.createdBy, cohort.createdAt, cohort.updatedAt, list);
    }

    private CohortStudyEntity study(UUID id, StudyMatch match) {
        return studies.find("cohortId = ?1 and studyInstanceUid = ?2", id, match.study().value()).firstResultOptional()
                .orElseThrow(() -> new IllegalStateException("Cohort " + id + " has no study " + match.study()));
    }

    private void move(CohortEntity cohort, CohortState next, String reason) {
        if (!cohort.state.allowedNext().contains(next)) {
            throw new ConflictException("Cohort " + cohort.id + " is " + cohort.state + " and cannot become " + next);
        }
        cohort.state = next;
        cohort.reason = limit(reason);
        cohort.updatedAt = clock.instant();
        if (!next.isRunning()) {
            cohort.cancelRequested = false;
        }
    }

    private CohortEntity require(UUID id) {
        return require(id, LockModeType.NONE);
    }

    private CohortEntity require(UUID id, LockModeType lock) {
        CohortEntity cohort = cohorts.findById(id, lock);
        if (cohort == null) {
            throw new IllegalArgumentException("No cohort " + id);
        }
        return cohort;
    }

    /** A list as a comma-joined column (UIDs, names and ids hold no comma); null for none. */
    private static String joined(List<String> values) {
        return values.isEmpty() ? null : String.join(",", values);
    }

    /** The list in a comma-joined column. */
    private static List<String> listed(String joined) {
        return joined == null ? List.of() : List.of(joined.split(","));
    }

    private static String limit(String text) {
        return text == null || text.length() <= REASON_LIMIT ? text : text.substring(0, REASON_LIMIT - 1) + "…";
    }

    private String write(Map<String, Object> value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A cohort's query cannot be written as JSON", e);
        }
    }

    private Map<String, Object> read(String value) {
        try {
            return json.readValue(value, new TypeReference<LinkedHashMap<String, Object>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A cohort's stored query is not JSON", e);
        }
    }
}
