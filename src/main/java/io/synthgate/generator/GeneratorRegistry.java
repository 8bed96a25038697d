package io.synthgate.generator;

import io.synthgate.generator.http.HttpGenerators;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

/** Finds a generator by the name routes and config use: the built-in one and every configured HTTP generator. */
@ApplicationScoped
public class GeneratorRegistry {

    private final Map<String, Generator> byName;
    private final String defaultName;

    public GeneratorRegistry(Instance<Generator> beans, HttpGenerators httpGenerators, GeneratorConfig config) {
        Map<String, Generator> named = new HashMap<>();
        Stream.concat(beans.stream(), httpGenerators.all().stream()).forEach(generator -> {
            if (named.putIfAbsent(generator.name(), generator) != null) {
                throw new IllegalArgumentException("Two generators are named '" + generator.name() + "'");
            }
        });
        this.byName = Map.copyOf(named);
        this.defaultName = config.defaultGenerator();
        if (!byName.containsKey(defaultName)) {
            throw new IllegalArgumentException("synthgate.generator.default names '" + defaultName
                    + "', but the generators are " + byName.keySet());
        }
    }

    /** Every generator's name, the default first. */
    public List<String> names() {
        List<String> names = new ArrayList<>(new TreeSet<>(byName.keySet()));
        names.remove(defaultName);
        names.add(0, defaultName);
        return names;
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
