package io.synthgate.mask;

import java.util.List;
import java.util.Locale;

/**
 * A region to regenerate, independent of any image size. Text form (used in routes and config):
 * {@code rectangle X Y WIDTH HEIGHT}, each a pixel count ({@code 120}) or a share of the image's
 * columns or rows ({@code 40%}); e.g. {@code rectangle 40% 40% 20% 20%}.
 */
public sealed interface MaskSpec {

    /** The mask for an image of the given size; never empty, clipped to the image. */
    Mask rasterize(int columns, int rows);

    /** The text form that {@link #parse(String)} reads back. */
    String text();

    static MaskSpec parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("Mask spec is empty");
        }
        List<String> words = List.of(text.strip().toLowerCase(Locale.ROOT).split("\\s+"));
        if (words.get(0).equals("rectangle") && words.size() == 5) {
            return new Rectangle(Length.parse(words.get(1)), Length.parse(words.get(2)), Length.parse(words.get(3)),
                    Length.parse(words.get(4)));
        }
        throw new IllegalArgumentException("Mask spec '" + text + "' is not 'rectangle X Y WIDTH HEIGHT'");
    }

    /** A length in pixels or as a percentage of the image's extent along its axis. */
    record Length(double value, boolean percent) {

        public Length {
            if (!Double.isFinite(value) || value < 0 || (percent && value > 100)) {
                throw new IllegalArgumentException("Mask length out of range: " + value + (percent ? "%" : ""));
            }
        }

        static Length parse(String word) {
            boolean percent = word.endsWith("%");
            String number = percent ? word.substring(0, word.length() - 1) : word.replaceFirst("px$", "");
            try {
                return new Length(Double.parseDouble(number), percent);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("Mask length '" + word + "' is not a number of pixels or a percentage");
            }
        }

        int resolve(int extent) {
            return (int) Math.round(percent ? value * extent / 100.0 : value);
        }

        String text() {
            String number = value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
            return percent ? number + "%" : number;
        }
    }

    /** An axis-aligned rectangle: top-left corner, then width and height. */
    record Rectangle(Length x, Length y, Length width, Length height) implements MaskSpec {

        @Override
        public Mask rasterize(int columns, int rows) {
            int left = Math.min(x.resolve(columns), columns);
            int top = Math.min(y.resolve(rows), rows);
            int right = Math.min(left + width.resolve(columns), columns);
            int bottom = Math.min(top + height.resolve(rows), rows);
            if (right <= left || bottom <= top) {
                throw new IllegalArgumentException("Mask '" + text() + "' covers no pixel of a " + columns + "x" + rows
                        + " image");
            }
            Mask mask = new Mask(columns, rows);
            for (int r = top; r < bottom; r++) {
                for (int c = left; c < right; c++) {
                    mask.set(c, r);
                }
            }
            return mask;
        }

        @Override
        public String text() {
            return "rectangle " + x.text() + " " + y.text() + " " + width.text() + " " + height.text();
        }
    }
}
