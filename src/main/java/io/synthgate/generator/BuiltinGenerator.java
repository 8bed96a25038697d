package io.synthgate.generator;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The default generator: classical inpainting (Telea's fast marching method) that needs no network
 * and no model. It is not a diffusion model: it continues the surrounding structure smoothly into the
 * mask, and it cannot make an image from text.
 */
@ApplicationScoped
public class BuiltinGenerator implements Generator {

    static final String NAME = "builtin";
    private static final GeneratorIdentity IDENTITY = new GeneratorIdentity("SynthGate", "builtin-telea-fmm", "1");

    private final FastMarchingInpainter inpainter;

    public BuiltinGenerator(GeneratorConfig config) {
        this.inpainter = new FastMarchingInpainter(config.builtin().radius());
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
            case INPAINT, ERASE -> GenerationOutcome.ok(inpainter.inpaint(request.image(), request.mask()));
            case OUTPAINT, TXT2IMG -> GenerationOutcome.refused(GenerationOutcome.Status.REFUSED,
                    "The built-in generator is a classical inpainting algorithm, not a diffusion model: it cannot "
                            + request.operation().name().toLowerCase() + "; configure an HTTP generator for that");
        };
    }
}
