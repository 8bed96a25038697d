package io.synthgate.wrap;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.LongStringAttribute;
import com.pixelmed.dicom.LongTextAttribute;
import com.pixelmed.dicom.UnsignedShortAttribute;
import io.synthgate.deid.OutputSeal;
import io.synthgate.generator.GeneratedImage;
import io.synthgate.pixels.PixelBox;
import java.util.List;
import java.util.Optional;

/**
 * The part of the provenance block that the next step of a chain reads back, under the object's seal:
 * the stages of its outpainting (0099,1014), the seed (0099,1019) and request id (0099,101A) of every
 * step of a chained outpainting, and why the pixels it was made from may carry burned-in text (0099,1018).
 */
record Lineage(List<PixelBox> stages, List<GeneratedImage.Provenance> steps, Optional<String> burnedInTextRisk) {

    private static final int STEP_SEEDS = 0x19;
    private static final int STEP_REQUEST_IDS = 0x1A;

    Lineage {
        stages = List.copyOf(stages);
        steps = List.copyOf(steps);
    }

    void writeTo(AttributeList list) throws DicomException {
        if (!stages.isEmpty()) {
            UnsignedShortAttribute boxes = new UnsignedShortAttribute(OutputSeal.STAGES);
            for (PixelBox stage : stages) {
                boxes.addValue(stage.column());
                boxes.addValue(stage.row());
                boxes.addValue(stage.width());
                boxes.addValue(stage.height());
            }
            list.put(boxes);
        }
        if (steps.size() > 1) {
            Attributes.put(list, new LongStringAttribute(Provenance.element(STEP_SEEDS)), steps.stream()
                    .map(step -> step.seed().isPresent() ? Long.toUnsignedString(step.seed().getAsLong()) : "")
                    .toArray(String[]::new));
            Attributes.put(list, new LongStringAttribute(Provenance.element(STEP_REQUEST_IDS)), steps.stream()
                    .map(step -> step.requestId().orElse("").replace('\\', '/')).toArray(String[]::new));
        }
        if (burnedInTextRisk.isPresent()) {
            Attributes.put(list, new LongTextAttribute(OutputSeal.BURNED_IN_TEXT_RISK), burnedInTextRisk.get());
        }
    }
}
