package io.synthgate.deid;

import io.synthgate.pixels.PixelBox;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a synthetic object this gateway wrote says about itself when it comes back in, once its
 * {@link OutputSeal} verified: where its burned-in label lies, the stages of the outpainting it is the
 * result of, and whether the pixels it was made from may carry burned-in text.
 *
 * @param label the burned-in label's box; empty when the image was too small for one
 * @param stages the image at each stage of its outpainting, in its own pixel coordinates: first the
 *     original source, last the whole image; empty when it was not outpainted
 * @param burnedInTextRisk why the pixels it was made from may carry burned-in text; empty when nothing
 *     suggested it
 */
public record SealedOutput(Optional<PixelBox> label, List<PixelBox> stages, Optional<String> burnedInTextRisk) {

    public SealedOutput {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(burnedInTextRisk, "burnedInTextRisk");
        stages = List.copyOf(stages);
    }
}
