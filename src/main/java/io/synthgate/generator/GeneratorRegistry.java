package io.synthgate.generator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Finds a generator by the name routes and config use. */
@ApplicationScoped
public class GeneratorRegistry {

    private final Map<String, Generator> byName;
    private final String defaultName;

    public GeneratorRegistry(Instance<Generator> generators, GeneratorConfig config) {
        this.byName = generators.stream().collect(Collectors.toUnmodifiableMap(Generator::name, Function.identity()));
        this.defaultName = config.defaultGenerator();
        if (!byName.containsKey(defaultName)) {
            throw new IllegalArgumentException("synthgate.generator.default names '" + defaultName
                    + "', but the generators are " + byName.keySet());
        }
    }

    /** The named generator, or the configured default when {@code name} is null or blank. */
    public Generator get(String name) {
        String wanted = name == null || name.isBlank() ? defaultName : name;
        Generator generator = byName.get(wanted);
        if (generator == null) {
            throw new IllegalArgumentException("No generator named '" + wanted + "'; known: " + byName.keySet());
        }
        return generator;
    }
}
