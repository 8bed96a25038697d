package io.synthgate.pixels;

import java.util.Locale;

/**
 * Which values an HTTP generator's 8-bit picture spans, as configured per generator
 * ({@code synthgate.generator.<name>.window}):
 * <ul>
 * <li>{@code image-range} (default): the image's own lowest to highest stored value, so no value
 * saturates;</li>
 * <li>{@code preset}: the source's first Window Center/Width, in modality units after Rescale
 * Slope/Intercept, as a radiologist first sees it (a model trained on displayed radiographs expects
 * that); an image without one, or whose values map through a Modality LUT Sequence, is shown over
 * its range;</li>
 * <li>{@code CENTER/WIDTH}: a fixed window in modality units, e.g. {@code 40/400} for CT soft tissue.</li>
 * </ul>
 */
public record WindowChoice(Kind kind, double center, double width) {

    /** The three choices. */
    public enum Kind {
        IMAGE_RANGE,
        PRESET,
        FIXED
    }

    public static final WindowChoice IMAGE_RANGE = new WindowChoice(Kind.IMAGE_RANGE, 0, 0);
    public static final WindowChoice PRESET = new WindowChoice(Kind.PRESET, 0, 0);

    public WindowChoice {
        if (kind == Kind.FIXED && !(width >= 1)) {
            throw new IllegalArgumentException("A window needs a width of at least 1, not " + width);
        }
    }

    /** Reads {@code image-range}, {@code preset} or {@code CENTER/WIDTH}. */
    public static WindowChoice parse(String text) {
        String choice = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        if (choice.isEmpty() || choice.equals("image-range")) {
            return IMAGE_RANGE;
        }
        if (choice.equals("preset")) {
            return PRESET;
        }
        String[] parts = choice.split("/");
        try {
            if (parts.length == 2) {
                return new WindowChoice(Kind.FIXED, Double.parseDouble(parts[0]), Double.parseDouble(parts[1]));
            }
        } catch (NumberFormatException notNumbers) {
            // falls through to the message below
        }
        throw new IllegalArgumentException("Window '" + text + "' is not image-range, preset or CENTER/WIDTH (e.g. 40/400)");
    }
}
