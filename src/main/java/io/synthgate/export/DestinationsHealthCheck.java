package io.synthgate.export;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/** Readiness: each destination answers C-ECHO. Data per destination says which one is down and why. */
@Readiness
@ApplicationScoped
public class DestinationsHealthCheck implements HealthCheck {

    private static final Duration MAX_WAIT = Duration.ofSeconds(5);

    private final Destinations destinations;
    private final DicomPeerClient client;

    public DestinationsHealthCheck(Destinations destinations, DicomPeerClient client) {
        this.destinations = destinations;
        this.client = client;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("dicom-destinations").up();
        for (Destination destination : destinations.all()) {
            String state = echo(destination);
            response.withData(destination.name(), state);
            if (!state.startsWith("UP")) {
                response.down();
            }
        }
        return response.build();
    }

    private String echo(Destination destination) {
        Duration wait = destination.timeout().compareTo(MAX_WAIT) < 0 ? destination.timeout() : MAX_WAIT;
        try {
            CompletableFuture.runAsync(() -> {
                try {
                    client.echo(destination);
                } catch (Exception e) {
                    throw new IllegalStateException(e.getMessage(), e);
                }
            }).get(wait.toMillis(), TimeUnit.MILLISECONDS);
            return "UP " + destination;
        } catch (java.util.concurrent.TimeoutException e) {
            return "DOWN " + destination + ": no C-ECHO answer within " + wait;
        } catch (java.util.concurrent.ExecutionException e) {
            return "DOWN " + destination + ": " + e.getCause().getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "DOWN " + destination + ": interrupted";
        }
    }
}
