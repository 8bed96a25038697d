package io.synthgate.generator;

import io.smallrye.faulttolerance.api.CircuitBreakerState;
import io.synthgate.generator.http.HttpGenerators;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
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

    /**
     * One HTTP generator's readiness.
     *
     * @param problem why it is not ready; empty while it is
     */
    public record State(String name, CircuitBreakerState circuit, Optional<String> problem) {
    }

    /** Each HTTP generator's readiness now, asking KServe's readiness endpoint where there is one. */
    public List<State> states() {
        return generators.all().stream().map(generator -> {
            CircuitBreakerState circuit = generator.circuitState();
            return new State(generator.name(), circuit, circuit == CircuitBreakerState.OPEN
                    ? Optional.of("circuit breaker open after repeated failures")
                    : generator.readinessProblem());
        }).toList();
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("generators").up();
        for (State state : states()) {
            response.withData(state.name(), state.problem().map(reason -> "DOWN: " + reason)
                    .orElse("UP (circuit " + state.circuit() + ")"));
            if (state.problem().isPresent()) {
                response.down();
            }
        }
        return response.build();
    }
}
