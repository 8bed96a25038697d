package io.synthgate.generator;

import io.synthgate.generator.GenerationOutcome.ProviderDetail;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.configuration.MemorySize;
import io.synthgate.generator.builtin.ExemplarInpainter;
import io.synthgate.generator.builtin.InpaintingTooLargeException;
import io.synthgate.generator.builtin.WorkingMemory;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The default generator: classical inpainting ({@link ExemplarInpainter}: patch-based completion
 * from the image's own patches, or for shallow holes a biharmonic fill with synthesised texture) that
 * needs no network and no model. It is not a diffusion model: it continues what surrounds the mask,
 * for inpainting, erasing and the border of an outpainted canvas alike, and it cannot make an image
 * from text. The seed chooses among equally good patches and the grain; with the {@code random} seed
 * policy it draws one, and reports it like any other. Each candidate says which method filled it. A
 * fill larger than its working memory (three quarters of the heap unless set) is refused with the
 * figures, not run out of memory.
 */
@ApplicationScoped
public class BuiltinGenerator implements Generator {

    static final String NAME = "builtin";
    private static final int DEFAULT_MAX_ITERATIONS = 3000;
    private static final Duration DEFAULT_TIME_BUDGET = Duration.ofSeconds(60);
    private static final GeneratorIdentity IDENTITY = new GeneratorIdentity("SynthGate", "builtin-patch-completion", "4");

    private static final ProviderDetail NO_DETAIL = ProviderDetail.of("");

    private final ExemplarInpainter inpainter;

    public BuiltinGenerator(GeneratorConfig config, MeterRegistry registry) {
        GeneratorConfig.Settings settings = config.generators().get(NAME);
        long heapShare = Runtime.getRuntime().maxMemory() / 4 * 3;
        WorkingMemory memory = new WorkingMemory(settings == null ? heapShare
                : settings.workingMemory().map(MemorySize::asLongValue).orElse(heapShare));
        memory.bindTo(registry);
        this.inpainter = new ExemplarInpainter(settings == null ? DEFAULT_MAX_ITERATIONS : settings.maxIterations(), memory,
                settings == null ? DEFAULT_TIME_BUDGET : settings.timeBudget());
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public GeneratorIdentity identity() {
        return IDENTITY;
    }

    @Override
    public boolean sendsPixelsOffSite() {
        return false;
    }

    @Override
    public boolean readsPrompt() {
        return false;
    }

    @Override
    public GenerationOutcome generate(GenerationRequest request) {
        return switch (request.operation()) {
            case INPAINT, ERASE, OUTPAINT -> inpaint(request);
            case TXT2IMG -> GenerationOutcome.failed(GenerationOutcome.Status.REFUSED, new ProviderDetail(
                    Optional.of("unsupported_operation"), "The built-in generator is a classical inpainting algorithm, "
                            + "not a diffusion model: it cannot " + request.operation().name().toLowerCase(Locale.ROOT)
                            + "; configure an HTTP generator for that", Optional.empty()));
        };
    }

    private GenerationOutcome inpaint(GenerationRequest request) {
        long seed = request.seed().orElseGet(() -> ThreadLocalRandom.current().nextLong());
        try {
            ExemplarInpainter.Fill fill = inpainter.inpaint(request.image(), request.mask(), seed);
            return GenerationOutcome.ok(List.of(new Candidate(fill.pixels(), OptionalLong.of(seed), false, fill.description())),
                    NO_DETAIL);
        } catch (InpaintingTooLargeException tooLarge) {
            return GenerationOutcome.failed(GenerationOutcome.Status.REFUSED,
                    new ProviderDetail(Optional.of("image_too_large"), tooLarge.getMessage(), Optional.empty()));
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
            return GenerationOutcome.failed(GenerationOutcome.Status.ERROR,
                    ProviderDetail.of("Interrupted while waiting for the built-in inpainter's working memory"));
        }
    }
}
