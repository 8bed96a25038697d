package io.synthgate.export;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Knows which destinations answer, so that an outage parks exports instead of failing jobs. A
 * destination is checked with C-ECHO every {@code synthgate.export.watch-interval}; once it fails (a
 * C-ECHO, or an export's connection), it is checked at growing intervals up to
 * {@code synthgate.export.watch-max-interval}, and when it answers again {@link DestinationAvailable}
 * is fired so that waiting exports resume at once. The only place that echoes destinations: the
 * readiness check and the dashboard read what it last saw.
 *
 * <p>A destination that refused objects for lack of resources (A7xx, as a PACS whose storage is full
 * does) has no room: it answers C-ECHO all along, so only a store finds out when room is made. Exports
 * that reach it still try, and of the exports waiting for it one is let through at those same growing
 * intervals; the first object it stores ends the state and resumes the rest.
 *
 * <p>A destination that is to confirm stores ({@code confirm-stored}) is also asked a C-FIND at each
 * check, from start-up on: one that answers C-ECHO but not the C-FIND cannot confirm what it is sent,
 * so exports to it wait, as for an outage, until the C-FIND is answered (an admin lets SynthGate's AE
 * title query it), instead of each failing after its objects were sent. Unlike a PACS that refuses
 * C-STOREs, this one's mending is seen by a check, so waiting ends by itself.
 *
 * <p>Made at start-up, so that {@code synthgate_destination_reachable} is in the first scrape rather
 * than once the first check or export has asked for the watch.
 */
@Startup
@ApplicationScoped
public class DestinationWatch {

    private static final Logger LOG = Logger.getLogger(DestinationWatch.class);

    /** What keeps exports from a destination. */
    public enum Hold {
        /** A C-ECHO or an export's connection failed. */
        UNREACHABLE("DOWN", "Unreachable", "is unreachable", "until it answers a C-ECHO", "answers again"),
        /** It refused objects for lack of resources, as a PACS whose storage is full does. */
        NO_ROOM("FULL", "No room", "has no room", "and one tries again at growing intervals", "stores again"),
        /** It answers C-ECHO but not the C-FIND that {@code confirm-stored} needs. */
        CANNOT_CONFIRM("UNCONFIRMED", "Cannot confirm stores", "cannot confirm stores", "until it answers a C-FIND",
                "answers C-FIND");

        private final String state;
        private final String label;
        private final String predicate;
        /** How the exports that wait for it go on, as the log says when the hold begins. */
        private final String waiting;
        /** What the destination did that ended the hold, as the log says then. */
        private final String ended;

        Hold(String state, String label, String predicate, String waiting, String ended) {
            this.state = state;
            this.label = label;
            this.predicate = predicate;
            this.waiting = waiting;
            this.ended = ended;
        }

        /** The state an admin sees, as the dashboard shows it. */
        public String state() {
            return state;
        }
    }

    /**
     * What the watch last saw of one destination.
     *
     * @param hold what keeps exports from it; null while it answers
     * @param failures checks and exports that failed in a row; 0 while it answers
     */
    public record Status(Hold hold, Instant since, Instant checkedAt, String problem, int failures) {

        /** Whether nothing keeps exports from it. */
        public boolean reachable() {
            return hold == null;
        }

        /** Whether what keeps exports from it is only a lack of room. */
        public boolean full() {
            return hold == Hold.NO_ROOM;
        }

        /** How long exports have been kept from the destination at {@code now}; zero when it answers. */
        public Duration outage(Instant now) {
            return reachable() ? Duration.ZERO : Duration.between(since, now);
        }

        /** What keeps exports from it and since when, for people: "Unreachable for 12 s: cannot connect ...". */
        public String describe(Instant now) {
            return hold.label + " for " + outage(now).toSeconds() + " s: " + problem;
        }

        /** What keeps exports from it, as a sentence's predicate: "is unreachable: ...", "has no room: "... */
        public String predicate() {
            return hold.predicate + ": " + problem;
        }
    }

    private final Destinations destinations;
    private final DicomPeerClient client;
    private final ExportConfig config;
    private final Event<DestinationAvailable> available;
    private final Clock clock;
    private final Map<String, Status> statuses = new ConcurrentHashMap<>();

    public DestinationWatch(Destinations destinations, DicomPeerClient client, ExportConfig config,
            Event<DestinationAvailable> available, Clock clock, MeterRegistry registry) {
        this.destinations = destinations;
        this.client = client;
        this.config = config;
        this.available = available;
        this.clock = clock;
        for (Destination destination : destinations.all()) {
            Gauge.builder("synthgate.destination.reachable", () -> isReachable(destination) ? 1 : 0)
                    .tag("destination", destination.name())
                    .description("1 while the destination answered its last C-ECHO or export, has room and"
                            + " (with confirm-stored) answers C-FIND, else 0")
                    .register(registry);
        }
    }

    /** Echoes every destination whose next check is due. */
    @Scheduled(every = "${synthgate.export.watch-interval:10s}", delay = 1, delayUnit = TimeUnit.SECONDS,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void checkDue() {
        Instant now = clock.instant();
        for (Destination destination : destinations.all()) {
            Status status = statuses.get(destination.name());
            if (status == null || !now.isBefore(nextCheck(status))) {
                check(destination);
            }
        }
    }

    /** What the watch knows of {@code destination}, checking it now if it never has. */
    public Status status(Destination destination) {
        Status status = statuses.get(destination.name());
        return status != null ? status : check(destination);
    }

    /** Whether the destination answered last time; one never checked yet counts as reachable. */
    public boolean isReachable(Destination destination) {
        Status status = statuses.get(destination.name());
        return status == null || status.reachable();
    }

    /** The outage of an unreachable destination, if it is one. */
    public Optional<Status> outage(Destination destination) {
        return Optional.ofNullable(statuses.get(destination.name())).filter(status -> !status.reachable());
    }

    /**
     * Whether an export to {@code destinationNames} would only wait now: one of them is unreachable and,
     * when {@code synthgate.export.outage-limit} is set, has not been so for that long yet. Of the exports
     * waiting for a destination with no room, one at a time is let through (and answered false) when its
     * next check is due: it tries whether room has been made.
     */
    public boolean exportWouldWait(List<String> destinationNames) {
        Instant now = clock.instant();
        for (String name : destinationNames) {
            Destination destination = destinations.get(name);
            Optional<Status> outage = outage(destination);
            if (outage.isPresent() && !(outage.get().full() && trialGranted(destination, now))
                    && config.outageLimit().map(limit -> outage.get().outage(now).compareTo(limit) < 0).orElse(true)) {
                return true;
            }
        }
        return false;
    }

    /** Lets one export try a destination with no room when its next check is due, and counts that as the check. */
    private boolean trialGranted(Destination destination, Instant now) {
        boolean[] granted = {false};
        statuses.computeIfPresent(destination.name(), (name, status) -> {
            if (!status.full() || now.isBefore(nextCheck(status))) {
                return status;
            }
            granted[0] = true;
            return new Status(Hold.NO_ROOM, status.since(), now, status.problem(), status.failures());
        });
        return granted[0];
    }

    /**
     * The outage of a destination last seen unreachable, confirmed with a check now; empty when it
     * answers (again) or was never seen down. An export asks this before it gives up, so a retry right
     * after the destination comes back does not wait for the next scheduled check. A destination with
     * no room counts as none: a C-ECHO cannot tell whether room has been made, the export's store can.
     */
    public Optional<Status> confirmedOutage(Destination destination) {
        Optional<Status> last = outage(destination);
        if (last.isEmpty() || last.get().full()) {
            return Optional.empty();
        }
        Status now = check(destination);
        return now.reachable() ? Optional.empty() : Optional.of(now);
    }

    /** An export could not connect: the destination is down from now until it answers a C-ECHO. */
    void unreachable(Destination destination, String problem) {
        record(destination, Hold.UNREACHABLE, problem);
    }

    /** It refused objects for lack of resources: it has no room until it stores one again. */
    Status full(Destination destination, String problem) {
        return record(destination, Hold.NO_ROOM, problem);
    }

    /** A C-FIND failed: stores cannot be confirmed until a check's C-FIND is answered. */
    Status cannotConfirm(Destination destination, String problem) {
        return record(destination, Hold.CANNOT_CONFIRM, problem + "; with synthgate.destinations." + destination.name()
                + ".confirm-stored it must answer C-FIND from that AE title");
    }

    /** It stored every object of an export: a destination that had no room has some again. */
    void stored(Destination destination) {
        Status status = statuses.get(destination.name());
        if (status != null && status.full()) {
            record(destination, null, null);
        }
    }

    /** Checks {@code destination} now, as a scheduled check does, and records what it answered. */
    Status checkNow(Destination destination) {
        return check(destination);
    }

    /**
     * A C-ECHO, and for a destination that is to confirm stores a C-FIND; one that answers leaves a
     * destination with no room so, since only a store can tell.
     */
    private Status check(Destination destination) {
        try {
            client.echo(destination);
        } catch (Exception e) {
            return record(destination, Hold.UNREACHABLE, message(e));
        }
        Status last = statuses.get(destination.name());
        if (last != null && last.full()) {
            return last;
        }
        if (destination.confirmStored()) {
            try {
                client.probeFind(destination);
            } catch (NoConnectionException e) {
                return record(destination, Hold.UNREACHABLE, message(e));
            } catch (IOException e) {
                return cannotConfirm(destination, "it answers C-ECHO, but " + message(e));
            }
        }
        return record(destination, null, null);
    }

    private static String message(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private Status record(Destination destination, Hold hold, String problem) {
        Instant now = clock.instant();
        Status before = statuses.get(destination.name());
        boolean changed = before == null || before.hold() != hold;
        int failures = hold == null ? 0 : (before == null ? 0 : before.failures()) + 1;
        Status after = new Status(hold, changed ? now : before.since(), now, problem, failures);
        statuses.put(destination.name(), after);
        if (changed && hold != null) {
            LOG.warnf("Destination %s %s: %s; exports to it wait, %s", destination, hold.predicate, problem,
                    hold.waiting);
        } else if (changed && before != null) {
            LOG.infof("Destination %s %s after %d s; waiting exports resume", destination, before.hold().ended,
                    Duration.between(before.since(), now).toSeconds());
            available.fire(new DestinationAvailable(destination.name()));
        }
        return after;
    }

    /** While unreachable, each failed check doubles the wait before the next, up to the maximum. */
    private Instant nextCheck(Status status) {
        Duration interval = config.watchInterval();
        if (!status.reachable()) {
            interval = interval.multipliedBy(1L << Math.min(status.failures() - 1, 16));
            if (interval.compareTo(config.watchMaxInterval()) > 0) {
                interval = config.watchMaxInterval();
            }
        }
        return status.checkedAt().plus(interval).minusMillis(100);
    }
}
