package io.synthgate.wrap;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.CodeStringAttribute;
import com.pixelmed.dicom.DecimalStringAttribute;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.IntegerStringAttribute;
import com.pixelmed.dicom.LongStringAttribute;
import com.pixelmed.dicom.LongTextAttribute;
import com.pixelmed.dicom.SequenceAttribute;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.dicom.UnlimitedTextAttribute;
import com.pixelmed.dicom.UnsignedLongAttribute;
import com.pixelmed.dicom.UnsignedShortAttribute;
import io.synthgate.generator.SamplingParameters;
import io.synthgate.image.Rendering;
import io.synthgate.pixels.FidelityMetrics;
import io.synthgate.pixels.PixelBox;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The private block {@code SYNTHGATE 1} in group 0099: who generated the pixels, with what, and
 * hashes of the mask and the source pixels, so a result can be traced and reproduced. Declared in the
 * Private Data Element Characteristics Sequence; the prompt and request id are marked identifying
 * because they are free text from outside.
 */
record Provenance(String provider, String model, String revision, String prompt, String negativePrompt, OptionalLong seed,
        SamplingParameters sampling, String requestId, String outcome, Optional<String> maskSha256,
        Optional<String> sourcePixelsSha256, Optional<Rendering> exportWindow, Optional<PixelBox> label,
        Optional<PixelBox> sourceRegion, Optional<FidelityMetrics> metrics, String method) {

    static final int GROUP = 0x0099;
    static final String CREATOR = "SYNTHGATE 1";
    private static final AttributeTag CREATOR_TAG = new AttributeTag(GROUP, 0x0010);
    private static final AttributeTag PRIVATE_GROUP_REFERENCE = new AttributeTag(0x0008, 0x0301);
    private static final AttributeTag PRIVATE_CREATOR_REFERENCE = new AttributeTag(0x0008, 0x0302);
    private static final AttributeTag BLOCK_STATUS = new AttributeTag(0x0008, 0x0303);
    private static final AttributeTag NONIDENTIFYING_ELEMENTS = new AttributeTag(0x0008, 0x0304);
    /**
     * Elements that can never identify anyone: all but prompt (03), negative prompt (04) and the request
     * ids (09, and 1A of the steps of a chain), free text from outside.
     */
    private static final int[] NONIDENTIFYING = {0x00, 0x01, 0x02, 0x05, 0x06, 0x07, 0x08, 0x0A, 0x0B, 0x0C, 0x0D, 0x0E,
        0x0F, 0x10, 0x11, 0x12, 0x13, 0x14, 0x17, 0x18, 0x19, 0x1B};

    void writeTo(AttributeList list) throws DicomException {
        Attributes.put(list, new LongStringAttribute(CREATOR_TAG), CREATOR);
        Attributes.put(list, new LongStringAttribute(element(0x00)), provider);
        Attributes.put(list, new LongStringAttribute(element(0x01)), model);
        Attributes.put(list, new LongStringAttribute(element(0x02)), revision);
        // none where the generator was sent none (the built-in one reads no prompt)
        if (!prompt.isEmpty()) {
            Attributes.put(list, new UnlimitedTextAttribute(element(0x03)), prompt);
        }
        if (!negativePrompt.isEmpty()) {
            Attributes.put(list, new UnlimitedTextAttribute(element(0x04)), negativePrompt);
        }
        // The spec asks for UV; PixelMed 20220618 writes UV as a pair of UL values, so the seed is text.
        if (seed.isPresent()) {
            Attributes.put(list, new LongStringAttribute(element(0x05)), Long.toUnsignedString(seed.getAsLong()));
        }
        if (sampling.denoise().isPresent()) {
            Attributes.put(list, new DecimalStringAttribute(element(0x06)), decimal(sampling.denoise().getAsDouble()));
        }
        if (sampling.steps().isPresent()) {
            Attributes.put(list, new IntegerStringAttribute(element(0x07)), Integer.toString(sampling.steps().getAsInt()));
        }
        if (sampling.guidance().isPresent()) {
            Attributes.put(list, new DecimalStringAttribute(element(0x08)), decimal(sampling.guidance().getAsDouble()));
        }
        Attributes.put(list, new LongStringAttribute(element(0x09)), requestId);
        Attributes.put(list, new CodeStringAttribute(element(0x0A)), outcome);
        if (maskSha256.isPresent()) {
            Attributes.put(list, new LongStringAttribute(element(0x0B)), maskSha256.get());
        }
        if (sourcePixelsSha256.isPresent()) {
            Attributes.put(list, new LongStringAttribute(element(0x0C)), sourcePixelsSha256.get());
        }
        if (exportWindow.isPresent()) {
            Rendering window = exportWindow.get();
            Attributes.put(list, new DecimalStringAttribute(element(0x0D)), decimal((window.low() + window.high()) / 2),
                    decimal(window.high() - window.low()));
        }
        if (label.isPresent()) {
            PixelBox box = label.get();
            Attributes.put(list, new UnsignedShortAttribute(element(0x0E)), Integer.toString(box.column()),
                    Integer.toString(box.row()), Integer.toString(box.width()), Integer.toString(box.height()));
        }
        if (sourceRegion.isPresent()) {
            PixelBox box = sourceRegion.get();
            Attributes.put(list, new UnsignedShortAttribute(element(0x0F)), Integer.toString(box.column()),
                    Integer.toString(box.row()), Integer.toString(box.width()), Integer.toString(box.height()));
        }
        if (metrics.isPresent()) {
            FidelityMetrics fidelity = metrics.get();
            if (fidelity.psnrDb() != null) {
                Attributes.put(list, new DecimalStringAttribute(element(0x10)), decimal(fidelity.psnrDb()));
            }
            if (fidelity.compared()) {
                Attributes.put(list, new DecimalStringAttribute(element(0x11)), decimal(fidelity.ssim()));
                Attributes.put(list, new DecimalStringAttribute(element(0x12)), decimal(fidelity.meanAbsoluteError()));
            }
            Attributes.put(list, new UnsignedLongAttribute(element(0x13)),
                    Integer.toString(fidelity.maxAbsoluteDifferenceOutsideMask()));
        }
        // none where the generator has one method only
        if (!method.isEmpty()) {
            Attributes.put(list, new LongTextAttribute(element(0x1B)), method);
        }
        AttributeList declaration = new AttributeList();
        Attributes.put(declaration, new UnsignedShortAttribute(PRIVATE_GROUP_REFERENCE), Integer.toString(GROUP));
        Attributes.put(declaration, new LongStringAttribute(PRIVATE_CREATOR_REFERENCE), CREATOR);
        Attributes.put(declaration, new CodeStringAttribute(BLOCK_STATUS), "MIXED");
        UnsignedShortAttribute nonidentifying = new UnsignedShortAttribute(NONIDENTIFYING_ELEMENTS);
        for (int element : NONIDENTIFYING) {
            nonidentifying.addValue(element);
        }
        declaration.put(nonidentifying);
        SequenceAttribute characteristics = Attributes.sequence(TagFromName.PrivateDataElementCharacteristicsSequence,
                declaration);
        list.put(characteristics);
    }

    /** A DS value: at most 16 characters. */
    private static String decimal(double value) {
        return String.format(java.util.Locale.ROOT, "%.6g", value).replaceFirst("\\.?0+(e|$)", "$1");
    }

    static AttributeTag element(int offset) {
        return new AttributeTag(GROUP, 0x1000 + offset);
    }
}
