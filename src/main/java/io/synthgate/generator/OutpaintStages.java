package io.synthgate.generator;

import io.synthgate.deid.SealedOutput;
import io.synthgate.mask.CanvasGrowth;
import io.synthgate.masking.MaskedImage;
import io.synthgate.pixels.PixelBox;
import java.util.ArrayList;
import java.util.List;

/**
 * Where each stage of an outpainting lies in its result, so a report can show the sequence by
 * cropping the result alone: outside each step's new border the pixels are exactly the previous
 * stage's. The stages of a source that is one of SynthGate's outputs come first, moved onto the new
 * canvas.
 */
final class OutpaintStages {

    private OutpaintStages() {
    }

    /** The stages of the result of {@code steps}, each masked image one step, the last one the result's canvas. */
    static List<PixelBox> of(List<MaskedImage> steps) {
        MaskedImage last = steps.get(steps.size() - 1);
        CanvasGrowth total = last.growth();
        List<PixelBox> earlier = last.image().source().sealedOutput().map(SealedOutput::stages).orElse(List.of());
        List<PixelBox> stages = new ArrayList<>();
        for (PixelBox stage : earlier) {
            stages.add(new PixelBox(stage.column() + total.left(), stage.row() + total.top(), stage.width(),
                    stage.height()));
        }
        if (total.isNone()) {
            return stages;
        }
        if (earlier.isEmpty()) {
            stages.add(new PixelBox(total.left(), total.top(), last.source().layout().columns(),
                    last.source().layout().rows()));
        }
        for (MaskedImage step : steps) {
            stages.add(new PixelBox(total.left() - step.growth().left(), total.top() - step.growth().top(),
                    step.image().layout().columns(), step.image().layout().rows()));
        }
        return stages;
    }
}
