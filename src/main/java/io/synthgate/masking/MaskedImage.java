package io.synthgate.masking;

import io.synthgate.deid.SealedOutput;
import io.synthgate.image.SourceImage;
import io.synthgate.mask.CanvasGrowth;
import io.synthgate.mask.ImageRegions;
import io.synthgate.mask.Mask;
import io.synthgate.mask.MaskSpec;
import io.synthgate.pixels.PixelBox;
import java.util.Optional;

/**
 * An image with the mask that says which of its pixels to regenerate. For outpainting, {@code image}
 * is the source on its grown canvas and {@code growth} says where the source lies in it; otherwise
 * {@code image} is the source itself and {@code growth} is {@link CanvasGrowth#NONE}.
 * {@code comparable} is the part of the mask that has an original to compare with: all of it, unless
 * the canvas grew. A source that is one of SynthGate's own outputs, sent back in, has its burned-in
 * label (blanked by de-identification) in the mask too, and never in {@code comparable}.
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
        Optional<PixelBox> label = source.source().sealedOutput().flatMap(SealedOutput::label);
        if (label.isEmpty()) {
            Mask mask = spec.rasterize(columns, rows, drawn);
            CanvasGrowth growth = spec.growth(columns, rows);
            if (growth.isNone()) {
                return new MaskedImage(source, spec, mask, growth, source, mask);
            }
        }
        Mask inner = new Mask(columns, rows);
        spec.paint(inner, drawn);
        return grown(source, spec, inner, spec.growth(columns, rows));
    }

    /**
     * The next step of a chained outpainting: this step's composited result, {@code samples}, grown
     * again by the spec. Only the new border is masked (nothing of it has an original); {@code source}
     * and {@code growth} still say where the original source lies.
     */
    public MaskedImage next(Object samples) {
        int columns = image.layout().columns();
        int rows = image.layout().rows();
        CanvasGrowth more = spec.growth(columns, rows);
        SourceImage grown = new SourceImage(image.source(), more.grow(image.layout()),
                more.grow(samples, image.layout()), image.description());
        Mask border = more.embed(new Mask(columns, rows));
        CanvasGrowth total = new CanvasGrowth(growth.top() + more.top(), growth.right() + more.right(),
                growth.bottom() + more.bottom(), growth.left() + more.left());
        return new MaskedImage(grown, spec, border, total, source, new Mask(border.columns(), border.rows()));
    }

    /**
     * The whole of a chained outpainting whose last step is this one: the original source on the final
     * canvas, every pixel outside it masked (with a sealed source's label), so the result can be
     * compared with the source as one outpainting.
     */
    public MaskedImage whole() {
        Mask inner = new Mask(source.layout().columns(), source.layout().rows());
        MaskedImage whole = grown(source, spec, inner, growth);
        return new MaskedImage(whole.image, spec, whole.mask, growth, source, whole.comparable);
    }

    /**
     * {@code source} on the canvas {@code growth} makes of it (none: its own), masked where
     * {@code inner} is set, on the border and on a sealed source's label.
     */
    private static MaskedImage grown(SourceImage source, MaskSpec spec, Mask inner, CanvasGrowth growth) {
        Optional<PixelBox> label = source.source().sealedOutput().flatMap(SealedOutput::label);
        Mask comparable = growth.withinSource(inner);
        Mask mask = growth.embed(inner);
        label.ifPresent(box -> mask.fill(box, growth.left(), growth.top()));
        if (mask.area() == 0) {
            throw new IllegalArgumentException("Mask '" + spec.text() + "' covers no pixel of a "
                    + source.layout().columns() + "x" + source.layout().rows() + " image");
        }
        SourceImage canvas = growth.isNone() ? source : new SourceImage(source.source(), growth.grow(source.layout()),
                growth.grow(source.storedSamples(), source.layout()), source.description());
        return new MaskedImage(canvas, spec, mask, growth, source, comparable);
    }
}
