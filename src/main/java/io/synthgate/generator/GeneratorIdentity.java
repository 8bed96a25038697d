package io.synthgate.generator;

/** Who made the pixels: provider, model and its version, as written into the synthetic object. */
public record GeneratorIdentity(String provider, String model, String version) {
}
