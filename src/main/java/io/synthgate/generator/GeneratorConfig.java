package io.synthgate.generator;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Which generator runs when a route names none, and the built-in one's settings. */
@ConfigMapping(prefix = "synthgate.generator")
public interface GeneratorConfig {

    /** Name of the generator used when a route does not choose one. Default {@code builtin}. */
    @WithDefault("builtin")
    @io.smallrye.config.WithName("default")
    String defaultGenerator();

    /** The built-in classical inpainter. */
    Builtin builtin();

    /** Settings of the built-in generator. */
    interface Builtin {
        /** Neighbourhood radius, in pixels, each filled pixel is extrapolated from. Default {@code 5}. */
        @WithDefault("5")
        int radius();
    }
}
