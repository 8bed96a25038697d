package io.synthgate.generator;

import io.synthgate.generator.GenerationOutcome.ProviderDetail;
import io.synthgate.generator.builtin.TexturedInpainter;
import io.synthgate.pixels.PixelPlanes;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The default generator: classical inpainting ({@link TexturedInpainter}: a biharmonic fill with
 * the image's own texture synthesised over it) that needs no network and no model. It is not a
 * diffusion model: it continues what surrounds the mask, for inpainting, erasing and the border of an
 * outpainted canvas alike, and it cannot make an image from text. The seed chooses the texture; with
 * the {@code random} seed policy it draws one, and reports it like any other.
 */
@ApplicationScoped
public class BuiltinGenerator implements Generator {

    static final String NAME = "builtin";
    private static final int DEFAULT_MAX_ITERATIONS = 3000;
    private static final GeneratorIdentity IDENTITY = new GeneratorIdentity("SynthGate", "builtin-biharmonic-texture", "2");

    private static final ProviderDetail NO_DETAIL = ProviderDetail.of("");

    private final TexturedInpainter inpainter;

    public BuiltinGenerator(GeneratorConfig config) {
        GeneratorConfig.Settings settings = config.generators().get(NAME);
        this.inpainter = new TexturedInpainter(settings == null ? DEFAULT_MAX_ITERATIONS : settings.maxIterations());
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
    public GenerationOutcome generate(GenerationRequest request) {
        return switch (request.operation()) {
            case INPAINT, ERASE, OUTPAINT -> {
                long seed = request.seed().orElseGet(() -> ThreadLocalRandom.current().nextLong());
                yield GenerationOutcome.ok(List.of(new Candidate(inpainter.inpaint(PixelPlanes.of(request.image()), request.mask(), seed),
                        OptionalLong.of(seed), false)), NO_DETAIL);
            }
            case TXT2IMG -> GenerationOutcome.failed(GenerationOutcome.Status.REFUSED, new ProviderDetail(
                    Optional.of("unsupported_operation"), "The built-in generator is a classical inpainting algorithm, "
                            + "not a diffusion model: it cannot " + request.operation().name().toLowerCase(Locale.ROOT)
                            + "; configure an HTTP generator for that", Optional.empty()));
        };
    }
}
