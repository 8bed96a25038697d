package io.synthgate.deid;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.CodeStringAttribute;
import com.pixelmed.dicom.CodedSequenceItem;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.LongStringAttribute;
import com.pixelmed.dicom.OtherByteAttribute;
import com.pixelmed.dicom.OtherWordAttribute;
import com.pixelmed.dicom.SequenceAttribute;
import com.pixelmed.dicom.TagFromName;
import io.quarkus.runtime.Startup;
import io.synthgate.mask.Mask;
import io.synthgate.mask.MaskSpec;
import io.synthgate.pixels.PixelLayout;
import io.synthgate.pixels.StoredSamples;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The configured pixel-cleaning rules ({@code synthgate.deid.pixel-cleaning.*}). Built when the
 * gateway starts, so a rule with a broken region stops the start instead of failing the first
 * ultrasound that arrives.
 */
@Startup
@ApplicationScoped
public class PixelCleaning {

    private final List<PixelCleaningRule> rules;

    public PixelCleaning(DeidConfig config) {
        this.rules = new TreeMap<>(config.pixelCleaning()).entrySet().stream()
                .map(entry -> rule(entry.getKey(), entry.getValue())).toList();
    }

    /** The cleaning every rule covering the object with this original header asks for; empty when none does. */
    public Optional<Cleaning> forObject(AttributeList originalHeader) {
        List<PixelCleaningRule> covering = rules.stream().filter(rule -> rule.covers(originalHeader)).toList();
        if (covering.isEmpty()) {
            return Optional.empty();
        }
        List<MaskSpec> regions = covering.stream().map(PixelCleaningRule::regions).toList();
        return Optional.of(new Cleaning(covering.stream().map(PixelCleaningRule::name).toList(),
                regions.size() == 1 ? regions.get(0) : new MaskSpec.Union(regions)));
    }

    private static PixelCleaningRule rule(String name, DeidConfig.PixelCleaningEntry entry) {
        try {
            return new PixelCleaningRule(name, entry.modality(), entry.manufacturer(), entry.model(), entry.rows(),
                    entry.columns(), MaskSpec.parse(entry.regions()));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("synthgate.deid.pixel-cleaning." + name + " is not a usable rule: "
                    + e.getMessage(), e);
        }
    }

    /**
     * The regions the covering rules blank, by rule name. Blanked samples take the value that shows
     * black: the lowest value, the highest for MONOCHROME1, and neutral chroma for YBR colour.
     */
    public record Cleaning(List<String> rules, MaskSpec regions) {

        public Cleaning {
            rules = List.copyOf(rules);
        }

        /** Blanks the regions on each of {@code frames} frames stored one after another in {@code samples}; returns the pixels blanked per frame. */
        public int blank(Object samples, PixelLayout layout, int frames, boolean planar) {
            Mask mask = new Mask(layout.columns(), layout.rows());
            regions.paint(mask);
            int pixels = layout.pixelCount();
            int spp = layout.samplesPerPixel();
            int[] black = new int[spp];
            for (int sample = 0; sample < spp; sample++) {
                black[sample] = black(layout, sample);
            }
            for (int frame = 0; frame < frames; frame++) {
                int start = frame * pixels * spp;
                for (int pixel = 0; pixel < pixels; pixel++) {
                    if (mask.isSet(pixel)) {
                        for (int sample = 0; sample < spp; sample++) {
                            int index = start + (planar ? sample * pixels + pixel : pixel * spp + sample);
                            StoredSamples.writeAt(samples, layout, index, black[sample]);
                        }
                    }
                }
            }
            return mask.area();
        }

        /**
         * Blanks the regions in the Pixel Data of {@code list}, read into memory, replacing the
         * attribute with the cleaned values; returns the pixels blanked per frame. Throws
         * {@link IllegalArgumentException} when the pixel data does not fit its Image Pixel module.
         */
        public int blankPixelData(AttributeList list) throws DicomException {
            Attribute pixelData = list.getPixelData();
            if (pixelData == null) {
                return 0;
            }
            PixelLayout layout = PixelLayout.of(list);
            int frames = Attribute.getSingleIntegerValueOrDefault(list, TagFromName.NumberOfFrames, 1);
            Object samples = layout.bitsAllocated() == 16 ? pixelData.getShortValues().clone()
                    : pixelData instanceof OtherWordAttribute words ? words.getByteValues(false)
                            : pixelData.getByteValues().clone();
            int length = samples instanceof short[] words ? words.length : ((byte[]) samples).length;
            if (length < frames * layout.pixelCount() * layout.samplesPerPixel()) {
                throw new IllegalArgumentException("Pixel Data holds " + length + " samples, fewer than its " + frames
                        + " frames need");
            }
            boolean planar = layout.samplesPerPixel() > 1
                    && Attribute.getSingleIntegerValueOrDefault(list, TagFromName.PlanarConfiguration, 0) == 1;
            int blanked = blank(samples, layout, frames, planar);
            Attribute cleaned;
            if (samples instanceof short[] words) {
                cleaned = new OtherWordAttribute(TagFromName.PixelData);
                cleaned.setValues(words);
            } else {
                cleaned = new OtherByteAttribute(TagFromName.PixelData);
                cleaned.setValues((byte[]) samples);
            }
            list.put(cleaned);
            return blanked;
        }

        /**
         * Records the cleaning as PS3.15 asks: Clean Pixel Data Option (113101) in the method code
         * sequence, the rules in De-identification Method, and Burned In Annotation NO, since the
         * regions that held the text are now blank.
         */
        public void record(AttributeList list) throws DicomException {
            Attribute codes = list.get(TagFromName.DeidentificationMethodCodeSequence);
            SequenceAttribute sequence = codes instanceof SequenceAttribute existing ? existing
                    : new SequenceAttribute(TagFromName.DeidentificationMethodCodeSequence);
            sequence.addItem(new CodedSequenceItem("113101", "DCM", "Clean Pixel Data Option").getAttributeList());
            list.put(sequence);
            Attribute method = list.get(TagFromName.DeidentificationMethod);
            if (method == null) {
                method = new LongStringAttribute(TagFromName.DeidentificationMethod);
                list.put(method);
            }
            String description = description();
            method.addValue(description.length() > 64 ? description.substring(0, 64) : description);
            Attribute burnedIn = new CodeStringAttribute(TagFromName.BurnedInAnnotation);
            burnedIn.addValue("NO");
            list.put(burnedIn);
        }

        /** How the de-identified copy records this cleaning, in De-identification Method. */
        public String description() {
            return "pixels cleaned by rule " + String.join(", ", rules);
        }

        private static int black(PixelLayout layout, int sample) {
            String photometric = layout.photometricInterpretation();
            if (photometric.startsWith("YBR") && sample > 0) {
                return layout.signed() ? 0 : 1 << (layout.bitsStored() - 1);
            }
            return "MONOCHROME1".equals(photometric) ? layout.maxValue() : layout.minValue();
        }
    }
}
