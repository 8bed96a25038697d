package io.synthgate.generator;

import io.smallrye.faulttolerance.api.CircuitBreakerState;
import io.synthgate.generator.http.HttpGenerator;
import io.synthgate.generator.http.HttpGenerators;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness: every HTTP generator's circuit breaker is closed (or letting a trial call through) and,
 * where the provider has a readiness endpoint (KServe), it says ready. Data per generator says which
 * one is down and why.
 */
@Readiness
@ApplicationScoped
public class GeneratorsHealthCheck implements HealthCheck {

    private final HttpGenerators generators;

    public GeneratorsHealthCheck(HttpGenerators generators) {
        this.generators = generators;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("generators").up();
        for (HttpGenerator generator : generators.all()) {
            CircuitBreakerState circuit = generator.circuitState();
            Optional<String> problem = circuit == CircuitBreakerState.OPEN
                    ? Optional.of("circuit breaker open after repeated failures")
                    : generator.readinessProblem();
            response.withData(generator.name(), problem.map(reason -> "DOWN: " + reason).orElse("UP (circuit " + circuit + ")"));
            if (problem.isPresent()) {
                response.down();
            }
        }
        return response.build();
    }
}
