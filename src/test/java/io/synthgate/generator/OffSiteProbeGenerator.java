package io.synthgate.generator;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A generator that would send pixels off site, for tests of the rules that guard such generators.
 * It never answers with pixels; it only counts how often it was asked.
 */
@ApplicationScoped
public class OffSiteProbeGenerator implements Generator {

    static final String NAME = "offsite-probe";
    private final AtomicInteger calls = new AtomicInteger();

    /** How often a request reached this generator (a method: fields of a CDI proxy are not the bean's). */
    public int calls() {
        return calls.get();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public GeneratorIdentity identity() {
        return new GeneratorIdentity("test", "offsite-probe", "0");
    }

    @Override
    public GenerationOutcome generate(GenerationRequest request) {
        calls.incrementAndGet();
        return GenerationOutcome.failed(GenerationOutcome.Status.ERROR,
                GenerationOutcome.ProviderDetail.of("the probe generates nothing"));
    }
}
