package io.synthgate.generator.builtin;

import io.synthgate.mask.Mask;
import io.synthgate.pixels.PixelPlanes;

/**
 * The built-in generator's inpainter: a biharmonic fill carries the structure (the smooth course of
 * bone, soft tissue and background across the region), and exemplar-based synthesis lays the
 * image's own fine texture over it, so the region is neither a flat patch nor a blur. Classical
 * image processing, not a diffusion model: it continues what surrounds the region and invents
 * nothing else.
 */
public final class TexturedInpainter {

    private final BiharmonicInpainter structure;
    private final TextureSynthesis texture = new TextureSynthesis();

    public TexturedInpainter(int maxIterations) {
        this.structure = new BiharmonicInpainter(maxIterations);
    }

    /** A copy of {@code image} whose masked pixels are filled; the seed chooses the texture. */
    public PixelPlanes inpaint(PixelPlanes image, Mask mask, long seed) {
        PixelPlanes out = structure.inpaint(image, mask);
        double[][] detail = texture.residual(image, mask, seed);
        for (int c = 0; c < out.planes().length; c++) {
            double[] plane = out.planes()[c];
            for (int i = 0; i < plane.length; i++) {
                if (mask.isSet(i)) {
                    plane[i] = Math.max(image.minValue(), Math.min(image.maxValue(), plane[i] + detail[c][i]));
                }
            }
        }
        return out;
    }
}
