package io.synthgate.experiment;

import io.quarkus.runtime.StartupEvent;
import io.synthgate.pipeline.Experiment;
import io.synthgate.pipeline.Pipeline;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;

/**
 * Stops the start when an enabled experiment has no route: without one, every study its rule takes
 * would fail. Names the route file to add, since a new experiment needs both its settings and a route.
 */
@ApplicationScoped
public class ExperimentRoutesCheck {

    void verify(@Observes StartupEvent event, ExperimentCatalog catalog, CamelContext camel) {
        Set<String> consumed = camel.getRoutes().stream().map(Route::getEndpoint)
                .map(endpoint -> endpoint.getEndpointUri()).collect(Collectors.toSet());
        List<String> missing = catalog.routable().stream().map(Experiment::name)
                .filter(name -> !consumed.contains(camel.getEndpoint(Pipeline.experimentEntry(name)).getEndpointUri()))
                .toList();
        if (!missing.isEmpty()) {
            throw new InvalidExperimentsException(missing.stream().map(name -> "synthgate.experiments." + name
                    + ": enabled, but no route takes " + Pipeline.experimentEntry(name) + "; add camel-routes/" + name
                    + ".yaml, a templatedRoute of template 'experiment' with parameter name=" + name
                    + " (camel-routes/README.md), or switch it off with synthgate.experiments." + name + ".enabled=false")
                    .toList());
        }
    }
}
