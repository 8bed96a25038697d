package io.synthgate.export;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.synthgate.dicom.SopInstanceUid;
import io.synthgate.job.JobOutput;
import io.synthgate.job.JobOutputService;
import io.synthgate.job.OutputState;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Sends a job's not-yet-exported outputs to its destinations and records each acknowledgement. An
 * output is marked exported once every destination answered it with success; the rest stay pending,
 * and a retry sends them to every destination again (a PACS keeps one copy per SOP Instance UID).
 */
@ApplicationScoped
public class ExportService {

    private static final Logger LOG = Logger.getLogger(ExportService.class);

    private final Destinations destinations;
    private final DicomPeerClient client;
    private final JobOutputService outputs;
    private final DestinationWatch watch;
    private final Clock clock;
    private final MeterRegistry registry;

    public ExportService(Destinations destinations, DicomPeerClient client, JobOutputService outputs,
            DestinationWatch watch, Clock clock, MeterRegistry registry) {
        this.registry = registry;
        this.watch = watch;
        this.clock = clock;
        this.destinations = destinations;
        this.client = client;
        this.outputs = outputs;
    }

    /**
     * Sends the job's generated and approved outputs, and its rejected ones when {@code includeRejected},
     * to each destination of {@code destinationNames}. Nothing is sent when any of them is a clinical
     * destination.
     */
    public void export(UUID jobId, List<String> destinationNames, boolean includeRejected) throws ExportFailedException {
        List<Destination> targets = targets(destinationNames);
        List<JobOutput> pending = outputs.pendingExport(jobId, includeRejected);
        if (pending.isEmpty()) {
            return;
        }
        send(pending, targets);
        LOG.infof("Job %s: %d synthetic objects stored at %s", jobId, pending.size(), names(targets));
    }

    /**
     * Sends one output ahead of its job's export, when it is generated and so needs no verdict; an
     * output in any other state (awaiting review, already exported), or one whose destination is
     * unreachable, is left to the job's export.
     */
    public void exportOutput(SopInstanceUid output, List<String> destinationNames) throws ExportFailedException {
        List<Destination> targets = targets(destinationNames);
        if (targets.stream().anyMatch(destination -> watch.outage(destination).isPresent())) {
            return;
        }
        Optional<JobOutput> generated = outputs.find(output).filter(found -> found.state() == OutputState.GENERATED);
        if (generated.isPresent()) {
            send(List.of(generated.get()), targets);
            LOG.debugf("Job %s: %s stored at %s", generated.get().jobId(), output, names(targets));
        }
    }

    private List<Destination> targets(List<String> destinationNames) {
        List<Destination> targets = destinationNames.stream().map(destinations::get).toList();
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("No destination named in '" + destinationNames + "'");
        }
        for (Destination destination : targets) {
            if (destination.kind() == DestinationKind.CLINICAL) {
                throw new ClinicalDestinationException(destination);
            }
        }
        return targets;
    }

    /**
     * C-STOREs {@code pending} to every target, and marks exported those every target accepted. Nothing
     * is sent while a target is unreachable (seen so and confirmed now): the export waits for it.
     */
    private void send(List<JobOutput> pending, List<Destination> targets) throws ExportFailedException {
        for (Destination destination : targets) {
            Optional<DestinationWatch.Status> outage = watch.confirmedOutage(destination);
            if (outage.isPresent()) {
                throw new DestinationUnavailableException(destination, outage.get().outage(clock.instant()),
                        outage.get());
            }
        }
        List<Path> files = pending.stream().map(JobOutput::file).toList();
        Set<Path> everywhere = new HashSet<>(files);
        ExportFailedException failure = null;
        for (Destination destination : targets) {
            try {
                StoreAnswers answers = client.store(destination, files);
                Set<Path> stored = answers.acknowledged();
                count(destination, "failed", files.size() - stored.size());
                Set<Path> kept = confirmed(destination, stored);
                count(destination, "stored", kept.size());
                everywhere.retainAll(kept);
                if (kept.size() == files.size()) {
                    watch.stored(destination);
                } else if (failure == null) {
                    failure = shortfall(destination, files.size(), answers, kept.size());
                }
            } catch (ExportFailedException unconfirmed) {
                everywhere.clear();
                failure = failure == null ? unconfirmed : failure;
            } catch (Exception e) {
                count(destination, "failed", files.size());
                everywhere.clear();
                // No cause attached to either: the route's error handling matches the root cause first, and
                // an IOException there would be taken for a full spool.
                ExportFailedException failed = e instanceof NoConnectionException
                        ? unreachable(destination, "C-STORE failed: " + e.getMessage())
                        : associationFailed(destination, files.size(), e);
                failure = failure == null ? failed : failure;
            }
        }
        String names = names(targets);
        for (JobOutput output : pending) {
            if (everywhere.contains(output.file())) {
                outputs.markExported(output.sopInstanceUid(), names);
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /**
     * What the destination holds of what it acknowledged: all of it, unless the destination is to confirm
     * stores ({@code confirm-stored}), when a C-FIND asks it. Objects acknowledged but not held are
     * counted {@code unconfirmed}; a C-FIND that fails leaves all of them so, since nothing is known, and
     * the export waits until the destination answers C-FIND (the watch asks it at each check).
     */
    private Set<Path> confirmed(Destination destination, Set<Path> stored) throws ExportFailedException {
        if (!destination.confirmStored() || stored.isEmpty()) {
            return stored;
        }
        Set<Path> held;
        try {
            held = client.held(destination, stored);
        } catch (IOException e) {
            count(destination, "unconfirmed", stored.size());
            DestinationWatch.Status unconfirmed = watch.cannotConfirm(destination, "it acknowledged " + stored.size()
                    + " synthetic objects, but confirming them failed: " + e.getMessage());
            throw new DestinationUnavailableException(destination, unconfirmed.outage(clock.instant()), unconfirmed);
        }
        count(destination, "unconfirmed", stored.size() - held.size());
        return held;
    }

    /**
     * Why fewer objects than were sent count as exported at {@code destination}. Refusals for lack of
     * resources alone mean it has no room: the export waits. When the association ended before every
     * object was answered, a C-ECHO tells a destination that went down or hung half-way (the export
     * waits for it) from one that refused the rest.
     */
    private ExportFailedException shortfall(Destination destination, int sent, StoreAnswers answers, int held) {
        if (answers.outOfResources()) {
            DestinationWatch.Status full = watch.full(destination, "it refused " + answers.refused().size()
                    + " of " + sent + " synthetic objects with " + answers.refusals()
                    + ", as a PACS whose storage is full does");
            return new DestinationUnavailableException(destination, full.outage(clock.instant()), full);
        }
        int acknowledged = answers.acknowledged().size();
        if (acknowledged + answers.refused().size() < sent) {
            Optional<ExportFailedException> outage = outageNow(destination);
            if (outage.isPresent()) {
                return outage.get();
            }
        }
        String accepted = destination + " accepted " + acknowledged + " of " + sent + " synthetic objects"
                + (answers.refused().isEmpty() ? ""
                        : " and refused " + answers.refused().size() + " with " + answers.refusals());
        return new ExportFailedException(held == acknowledged ? accepted : accepted + ", and a C-FIND finds " + held
                + " of those: it answered success for objects it did not keep (a filter or routing rule at the PACS?)",
                null);
    }

    /** No connection, so nothing was refused: the destination is down, and the export waits for it. */
    private DestinationUnavailableException unreachable(Destination destination, String problem) {
        watch.unreachable(destination, problem);
        return new DestinationUnavailableException(destination, problem);
    }

    /**
     * The association opened and failed with nothing stored. A C-ECHO now tells a destination that went
     * down during the store (the export waits for it) from one that answers but will not take these
     * objects, such as a PACS that accepts no C-STORE from this calling AE title or no such SOP class:
     * waiting for that one would never end, so it is a refusal, redelivered and then failing the job.
     */
    private ExportFailedException associationFailed(Destination destination, int objects, Exception e) {
        return outageNow(destination).orElseGet(() -> new ExportFailedException(destination
                + " answers C-ECHO but stored none of the " + objects + " synthetic objects: " + e.getMessage()
                + "; it may not accept C-STOREs from that AE title, or of these SOP classes", null));
    }

    /**
     * A C-ECHO now, after an association that ended early: the outage when the destination does not
     * answer it (it went down or hung, and the export waits for it), empty when it does.
     */
    private Optional<ExportFailedException> outageNow(Destination destination) {
        DestinationWatch.Status now = watch.checkNow(destination);
        return now.reachable() ? Optional.empty()
                : Optional.of(new DestinationUnavailableException(destination, Duration.ZERO, now));
    }

    /** Objects sent to a destination, by outcome ({@code synthgate_export_objects_total}). */
    private void count(Destination destination, String outcome, int objects) {
        Counter.builder("synthgate.export.objects").tag("destination", destination.name()).tag("outcome", outcome)
                .description("Synthetic objects C-STOREd to a destination, by outcome").register(registry)
                .increment(objects);
    }

    private static String names(List<Destination> targets) {
        return targets.stream().map(Destination::name).collect(Collectors.joining(", "));
    }
}
