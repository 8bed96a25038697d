package io.synthgate.export;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness: each destination answered its last C-ECHO (or export), has room, and answers C-FIND where
 * it is to confirm stores, as the {@link DestinationWatch} last saw it, so a probe never waits for a
 * peer. Data per destination says which one is down, since when, and why; the gateway keeps receiving
 * meanwhile, and exports wait.
 */
@Readiness
@ApplicationScoped
public class DestinationsHealthCheck implements HealthCheck {

    private final Destinations destinations;
    private final DestinationWatch watch;
    private final Clock clock;

    public DestinationsHealthCheck(Destinations destinations, DestinationWatch watch, Clock clock) {
        this.destinations = destinations;
        this.watch = watch;
        this.clock = clock;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("dicom-destinations").up();
        for (Destination destination : destinations.all()) {
            DestinationWatch.Status status = watch.status(destination);
            if (status.reachable()) {
                response.withData(destination.name(), "UP " + destination);
            } else {
                response.down().withData(destination.name(), "DOWN " + destination + ": "
                        + status.describe(clock.instant()));
            }
        }
        return response.build();
    }
}
