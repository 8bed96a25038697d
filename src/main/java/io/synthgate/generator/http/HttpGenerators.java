package io.synthgate.generator.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.synthgate.generator.GeneratorCallLog;
import io.synthgate.generator.GeneratorConfig.ProviderType;
import io.synthgate.generator.GeneratorConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The HTTP generators named in {@code synthgate.generator.<name>.*}, built once at startup. */
@ApplicationScoped
public class HttpGenerators {

    private final List<HttpGenerator> generators;

    public HttpGenerators(GeneratorConfig config, GeneratorCallLog log, ObjectMapper json, Clock clock) {
        HttpGenerator.Collaborators collaborators = new HttpGenerator.Collaborators(log, json, clock);
        List<HttpGenerator> built = new ArrayList<>();
        for (Map.Entry<String, GeneratorConfig.Settings> entry : config.generators().entrySet()) {
            String name = entry.getKey();
            GeneratorConfig.Settings settings = entry.getValue();
            switch (settings.type()) {
                case OPENAI -> built.add(new OpenAiImagesGenerator(name, settings, collaborators));
                case A1111 -> built.add(new Automatic1111Generator(name, settings, collaborators));
                case STABILITY -> built.add(new StabilityGenerator(name, settings, collaborators));
                case KSERVE -> built.add(new OpenInferenceGenerator(name, settings, collaborators));
                case BUILTIN -> {
                    if (!"builtin".equals(name)) {
                        throw new IllegalArgumentException("synthgate.generator." + name + ".type is "
                                + ProviderType.BUILTIN + "; only the generator named 'builtin' is the built-in one");
                    }
                }
            }
        }
        this.generators = List.copyOf(built);
    }

    public List<HttpGenerator> all() {
        return generators;
    }
}
