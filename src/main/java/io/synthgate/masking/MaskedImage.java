package io.synthgate.masking;

import io.synthgate.image.SourceImage;
import io.synthgate.mask.CanvasGrowth;
import io.synthgate.mask.ImageRegions;
import io.synthgate.mask.Mask;
import io.synthgate.mask.MaskSpec;

/**
 * An image with the mask that says which of its pixels to regenerate. For outpainting, {@code image}
 * is the source on its grown canvas and {@code growth} says where the source lies in it; otherwise
 * {@code image} is the source itself and {@code growth} is {@link CanvasGrowth#NONE}.
 * {@code comparable} is the part of the mask that has an original to compare with: all of it, unless
 * the canvas grew.
 */
public record MaskedImage(SourceImage image, MaskSpec spec, Mask mask, CanvasGrowth growth, SourceImage source,
        Mask comparable) {

    /** A source masked by a spec of shapes alone. */
    public static MaskedImage of(SourceImage source, MaskSpec spec) {
        return of(source, spec, ImageRegions.NOT_COLLECTED);
    }

    /** A source masked by a spec that may name the regions {@code drawn} on it. */
    public static MaskedImage of(SourceImage source, MaskSpec spec, ImageRegions drawn) {
        int columns = source.layout().columns();
        int rows = source.layout().rows();
        Mask mask = spec.rasterize(columns, rows, drawn);
        CanvasGrowth growth = spec.growth(columns, rows);
        if (growth.isNone()) {
            return new MaskedImage(source, spec, mask, growth, source, mask);
        }
        Mask inner = new Mask(columns, rows);
        spec.paint(inner, drawn);
        SourceImage grown = new SourceImage(source.source(), growth.grow(source.layout()),
                growth.grow(source.storedSamples(), source.layout()), source.description());
        return new MaskedImage(grown, spec, mask, growth, source, growth.withinSource(inner));
    }
}
