package io.synthgate.experiment;

import io.quarkus.runtime.Startup;
import io.synthgate.deid.DeidConfig;
import io.synthgate.export.Destination;
import io.synthgate.export.DestinationKind;
import io.synthgate.export.Destinations;
import io.synthgate.generator.GeneratorRegistry;
import io.synthgate.pipeline.Experiment;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

/**
 * The configured experiments, parsed and checked once when SynthGate starts ({@link ExperimentLoader});
 * a bad value stops the start with every problem named by its key. The routing rules and the first
 * step of every experiment route look experiments up here.
 */
@Startup
@ApplicationScoped
public class ExperimentCatalog {

    private static final Logger LOG = Logger.getLogger(ExperimentCatalog.class);

    private final Map<String, Experiment> byName;
    private final Set<String> enabled;
    private final List<Experiment> routable;

    public ExperimentCatalog(ExperimentsConfig config, Config allKeys, GeneratorRegistry generators,
            Destinations destinations, DeidConfig deid) {
        Map<String, Boolean> research = destinations.all().stream()
                .collect(Collectors.toMap(Destination::name, d -> d.kind() == DestinationKind.RESEARCH));
        ExperimentLoader.Loaded loaded = new ExperimentLoader(generators::get, research, deid.defaults())
                .load(config, allKeys.getPropertyNames());
        this.byName = new TreeMap<>(loaded.experiments());
        this.enabled = loaded.enabled();
        this.routable = loaded.routable();
        LOG.infof("Experiments: %s; completed studies are routed to %s", byName.keySet(),
                routable.stream().map(Experiment::name).toList());
    }

    /** The experiment of that name. */
    public Optional<Experiment> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** The experiment of that name, when it is configured and switched on. */
    public Optional<Experiment> findEnabled(String name) {
        return find(name).filter(experiment -> enabled.contains(name));
    }

    /** Every enabled experiment, text-to-image included, by name. */
    public List<Experiment> enabled() {
        return byName.values().stream().filter(experiment -> enabled.contains(experiment.name())).toList();
    }

    /** The enabled study experiments, by name: those the routing rules may give a completed study. */
    public List<Experiment> routable() {
        return routable;
    }
}
