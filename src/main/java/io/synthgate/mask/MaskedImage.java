package io.synthgate.mask;

import io.synthgate.pixels.SourceImage;

/**
 * An image with the mask that says which of its pixels to regenerate. For outpainting, {@code image}
 * is the source on its grown canvas and {@code growth} says where the source lies in it; otherwise
 * {@code image} is the source itself and {@code growth} is {@link CanvasGrowth#NONE}.
 */
public record MaskedImage(SourceImage image, MaskSpec spec, Mask mask, CanvasGrowth growth, SourceImage source) {

    /** A source masked on its own canvas. */
    public static MaskedImage of(SourceImage source, MaskSpec spec) {
        Mask mask = spec.rasterize(source.layout().columns(), source.layout().rows());
        CanvasGrowth growth = spec.growth(source.layout().columns(), source.layout().rows());
        return new MaskedImage(growth.isNone() ? source : growth.grow(source), spec, mask, growth, source);
    }

    /** The masked pixels that have an original to be compared with: every one, unless the canvas grew. */
    public Mask comparable() {
        if (growth.isNone()) {
            return mask;
        }
        Mask inner = new Mask(source.layout().columns(), source.layout().rows());
        spec.paint(inner);
        return growth.withinSource(inner);
    }
}
