package io.synthgate.export;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
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
 */
@ApplicationScoped
public class DestinationWatch {

    private static final Logger LOG = Logger.getLogger(DestinationWatch.class);

    /**
     * What the watch last saw of one destination.
     *
     * @param failures checks and exports that failed in a row; 0 while it answers
     */
    public record Status(boolean reachable, Instant since, Instant checkedAt, String problem, int failures) {

        /** How long the destination has been unreachable at {@code now}; zero when it answers. */
        public Duration outage(Instant now) {
            return reachable ? Duration.ZERO : Duration.between(since, now);
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
                    .description("1 while the destination answered its last C-ECHO or export, else 0").register(registry);
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
     * when {@code synthgate.export.outage-limit} is set, has not been so for that long yet.
     */
    public boolean exportWouldWait(List<String> destinationNames) {
        Instant now = clock.instant();
        for (String name : destinationNames) {
            Optional<Status> outage = outage(destinations.get(name));
            if (outage.isPresent()
                    && config.outageLimit().map(limit -> outage.get().outage(now).compareTo(limit) < 0).orElse(true)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The outage of a destination last seen unreachable, confirmed with a C-ECHO now; empty when it
     * answers (again) or was never seen down. An export asks this before it gives up, so a retry right
     * after the destination comes back does not wait for the next scheduled check.
     */
    public Optional<Status> confirmedOutage(Destination destination) {
        if (outage(destination).isEmpty()) {
            return Optional.empty();
        }
        Status now = check(destination);
        return now.reachable() ? Optional.empty() : Optional.of(now);
    }

    /** An export could not connect: the destination is down from now until it answers a C-ECHO. */
    void unreachable(Destination destination, String problem) {
        record(destination, false, problem);
    }

    /** Checks {@code destination} with a C-ECHO now and records what it answered. */
    Status checkNow(Destination destination) {
        return check(destination);
    }

    private Status check(Destination destination) {
        try {
            client.echo(destination);
            return record(destination, true, null);
        } catch (Exception e) {
            return record(destination, false, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }

    private Status record(Destination destination, boolean reachable, String problem) {
        Instant now = clock.instant();
        Status before = statuses.get(destination.name());
        boolean changed = before == null || before.reachable() != reachable;
        int failures = reachable ? 0 : (before == null ? 0 : before.failures()) + 1;
        Status after = new Status(reachable, changed ? now : before.since(), now, problem, failures);
        statuses.put(destination.name(), after);
        if (changed && !reachable) {
            LOG.warnf("Destination %s is unreachable: %s; exports to it wait until it answers a C-ECHO", destination,
                    problem);
        } else if (changed && before != null) {
            LOG.infof("Destination %s answers again after %d s; waiting exports resume", destination,
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
