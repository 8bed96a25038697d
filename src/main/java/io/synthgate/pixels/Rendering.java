package io.synthgate.pixels;

/**
 * The recorded, invertible mapping between an image's stored values and the 8-bit display values a
 * generator sees: a linear window over the image's own value range, inverted for MONOCHROME1 so
 * that every generator sees bright bone. {@link #toStored} maps each display level back to the
 * stored value it stands for, so a generated pixel lands inside the source's range.
 *
 * @param low the stored value shown as black (white for MONOCHROME1)
 * @param high the stored value shown as white (black for MONOCHROME1)
 * @param inverted whether higher stored values are darker (MONOCHROME1)
 */
public record Rendering(double low, double high, boolean inverted) {

    private static final int LEVELS = 255;

    public Rendering {
        if (!(high > low)) {
            throw new IllegalArgumentException("Rendering window [" + low + ", " + high + "] is empty");
        }
    }

    /** The window spanning every stored sample of {@code image}. */
    public static Rendering of(SourceImage image) {
        PixelLayout layout = image.layout();
        int min = Integer.MAX_VALUE;
        int max = Integer.MIN_VALUE;
        for (int p = 0; p < layout.pixelCount(); p++) {
            for (int s = 0; s < layout.samplesPerPixel(); s++) {
                int value = image.sample(p, s);
                min = Math.min(min, value);
                max = Math.max(max, value);
            }
        }
        // A flat image still needs a window one value wide.
        return new Rendering(min, Math.max(max, min + 1), "MONOCHROME1".equals(layout.photometricInterpretation()));
    }

    /** The display level, 0-255, of a stored value; values outside the window clip. */
    public int toDisplay(double stored) {
        double level = Math.round((stored - low) / (high - low) * LEVELS);
        int clipped = (int) Math.max(0, Math.min(LEVELS, level));
        return inverted ? LEVELS - clipped : clipped;
    }

    /** The stored value a display level stands for. */
    public double toStored(int display) {
        int level = inverted ? LEVELS - display : display;
        return low + level * (high - low) / LEVELS;
    }
}
