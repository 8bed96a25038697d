package io.synthgate.generator;

import java.util.Locale;

/**
 * The picture size a generator is asked to work at, written {@code WIDTHxHEIGHT}.
 *
 * @param width in pixels, at least 1
 * @param height in pixels, at least 1
 */
public record CanvasSize(int width, int height) {

    public CanvasSize {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("A canvas needs a positive size, not " + width + "x" + height);
        }
    }

    /** {@code text} as {@code WIDTHxHEIGHT}; {@code what} names the setting in the error. */
    public static CanvasSize parse(String text, String what) {
        String[] parts = text.strip().toLowerCase(Locale.ROOT).split("x");
        try {
            if (parts.length == 2) {
                return new CanvasSize(Integer.parseInt(parts[0].strip()), Integer.parseInt(parts[1].strip()));
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(what + " must be WIDTHxHEIGHT, not '" + text + "'");
    }

    @Override
    public String toString() {
        return width + "x" + height;
    }
}
