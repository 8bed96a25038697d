package io.synthgate.deid;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.TagFromName;
import io.synthgate.mask.MaskSpec;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Where one kind of device burns text into its pixels, and so which regions to blank before any
 * pixel may leave the site. A rule names the objects it covers the way sites already write such
 * rules (by modality, manufacturer, model and matrix size, as the ultrasound header of one scanner
 * model always lies in the same place) and the regions in the mask language of {@link MaskSpec}.
 *
 * @param name the rule's configuration key, recorded with every object it cleans
 * @param modality Modality (0008,0060), matched exactly, ignoring case; empty matches any
 * @param manufacturer text that Manufacturer (0008,0070) contains, ignoring case; empty matches any
 * @param model text that Manufacturer's Model Name (0008,1090) contains, ignoring case; empty matches any
 * @param rows Rows (0028,0010) exactly; empty matches any
 * @param columns Columns (0028,0011) exactly; empty matches any
 * @param regions what to blank on every frame
 */
public record PixelCleaningRule(String name, Optional<String> modality, Optional<String> manufacturer,
        Optional<String> model, OptionalInt rows, OptionalInt columns, MaskSpec regions) {

    public PixelCleaningRule {
        if (modality.isEmpty() && manufacturer.isEmpty() && model.isEmpty()) {
            throw new IllegalArgumentException("Pixel-cleaning rule '" + name
                    + "' names no modality, manufacturer or model, so it would blank regions of every image");
        }
        if (regions.readsDrawnRegions() || !regions.growth(1, 1).isNone()) {
            throw new IllegalArgumentException("Pixel-cleaning rule '" + name + "' regions '" + regions.text()
                    + "' must be shapes where the device burns its text, not overlay, segment or extend");
        }
    }

    /** Whether this rule covers the object whose (original, not yet de-identified) header is {@code header}. */
    public boolean covers(AttributeList header) {
        return modality.map(m -> m.equalsIgnoreCase(text(header, TagFromName.Modality))).orElse(true)
                && manufacturer.map(m -> contains(text(header, TagFromName.Manufacturer), m)).orElse(true)
                && model.map(m -> contains(text(header, TagFromName.ManufacturerModelName), m)).orElse(true)
                && (rows.isEmpty() || rows.getAsInt() == Attribute.getSingleIntegerValueOrDefault(header, TagFromName.Rows, -1))
                && (columns.isEmpty()
                        || columns.getAsInt() == Attribute.getSingleIntegerValueOrDefault(header, TagFromName.Columns, -1));
    }

    private static String text(AttributeList header, com.pixelmed.dicom.AttributeTag tag) {
        return Attribute.getSingleStringValueOrEmptyString(header, tag).strip();
    }

    private static boolean contains(String value, String part) {
        return value.toLowerCase(Locale.ROOT).contains(part.strip().toLowerCase(Locale.ROOT));
    }
}
