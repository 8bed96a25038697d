package io.synthgate.generator;

import io.synthgate.generator.GenerationOutcome.ProviderDetail;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The default generator: classical inpainting (Telea's fast marching method) that needs no network
 * and no model. It is not a diffusion model: it continues the surrounding structure smoothly into the
 * mask, and it cannot make an image from text.
 */
@ApplicationScoped
public class BuiltinGenerator implements Generator {

    static final String NAME = "builtin";
    private static final int DEFAULT_RADIUS = 5;
    private static final GeneratorIdentity IDENTITY = new GeneratorIdentity("SynthGate", "builtin-telea-fmm", "1");

    private static final ProviderDetail NO_DETAIL = ProviderDetail.of("");

    private final FastMarchingInpainter inpainter;

    public BuiltinGenerator(GeneratorConfig config) {
        GeneratorConfig.Settings settings = config.generators().get(NAME);
        this.inpainter = new FastMarchingInpainter(settings == null ? DEFAULT_RADIUS : settings.radius());
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
            case INPAINT, ERASE, OUTPAINT -> GenerationOutcome.ok(List.of(new Candidate(
                    inpainter.inpaint(request.image(), request.mask()), OptionalLong.empty(), false)), NO_DETAIL);
            case TXT2IMG -> GenerationOutcome.failed(GenerationOutcome.Status.REFUSED, new ProviderDetail(
                    Optional.of("unsupported_operation"), "The built-in generator is a classical inpainting algorithm, "
                            + "not a diffusion model: it cannot " + request.operation().name().toLowerCase(Locale.ROOT)
                            + "; configure an HTTP generator for that", Optional.empty()));
        };
    }
}
