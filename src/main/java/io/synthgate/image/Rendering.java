package io.synthgate.image;

import io.synthgate.pixels.ImageDescription;
import io.synthgate.pixels.PixelLayout;
import io.synthgate.pixels.StoredSamples;
import io.synthgate.pixels.WindowChoice;
import java.util.Optional;

/**
 * The recorded, invertible mapping between an image's stored values and the 8-bit display values a
 * generator sees: a linear window over stored values (the image's own range, or a window a
 * {@link WindowChoice} names, converted from modality units), inverted for MONOCHROME1 so that every
 * generator sees bright bone. {@link #toStored} maps each display level back to the stored value it
 * stands for: inside the window, the level's value; at a level where the window saturates, the mean
 * of the source's values that saturate there, so a generated air region of a CT shown in a soft
 * tissue window returns to air, not to the window's edge.
 *
 * @param low the stored value shown as black (white for MONOCHROME1)
 * @param high the stored value shown as white (black for MONOCHROME1)
 * @param inverted whether higher stored values are darker (MONOCHROME1)
 * @param belowLow what the level of {@code low} maps back to: the mean of the source's values at or below it
 * @param aboveHigh what the level of {@code high} maps back to: the mean of the source's values at or above it
 */
public record Rendering(double low, double high, boolean inverted, double belowLow, double aboveHigh) {

    private static final int LEVELS = 255;

    public Rendering {
        if (!(high > low)) {
            throw new IllegalArgumentException("Rendering window [" + low + ", " + high + "] is empty");
        }
    }

    /** A window that maps its own ends back to themselves. */
    public Rendering(double low, double high, boolean inverted) {
        this(low, high, inverted, low, high);
    }

    /** The window spanning every stored sample of {@code image}. */
    public static Rendering of(SourceImage image) {
        return of(image, WindowChoice.IMAGE_RANGE);
    }

    /** The window {@code choice} names for {@code image}, in stored values. */
    public static Rendering of(SourceImage image, WindowChoice choice) {
        boolean inverted = "MONOCHROME1".equals(image.layout().photometricInterpretation());
        Optional<double[]> window = inModalityUnits(image.description(), choice);
        if (window.isEmpty()) {
            return imageRange(image, inverted);
        }
        double slope = number(image.description().rescaleSlope(), 1);
        double intercept = number(image.description().rescaleIntercept(), 0);
        double a = (window.get()[0] - intercept) / slope;
        double b = (window.get()[1] - intercept) / slope;
        double low = Math.min(a, b);
        double high = Math.max(Math.max(a, b), low + 1);
        // A negative slope turns the stored scale around, and with it what shows bright.
        return saturating(image, low, high, slope < 0 != inverted);
    }

    /** The display level, 0-255, of a stored value; values outside the window clip. */
    public int toDisplay(double stored) {
        double level = Math.round((stored - low) / (high - low) * LEVELS);
        int clipped = (int) Math.max(0, Math.min(LEVELS, level));
        return inverted ? LEVELS - clipped : clipped;
    }

    /**
     * The display level of every sample {@code layout} can store, indexed by the sample's Bits Stored
     * bits ({@link StoredSamples#bits}): the levels {@link #toDisplay} gives, looked up for a whole
     * image instead of computed for each of its millions of samples.
     */
    public int[] levelsByStoredBits(PixelLayout layout) {
        int[] levels = new int[1 << layout.bitsStored()];
        for (int bits = 0; bits < levels.length; bits++) {
            levels[bits] = toDisplay(StoredSamples.valueOfBits(bits, layout));
        }
        return levels;
    }

    /** The stored value a display level stands for. */
    public double toStored(int display) {
        int level = inverted ? LEVELS - display : display;
        if (level <= 0) {
            return belowLow;
        }
        if (level >= LEVELS) {
            return aboveHigh;
        }
        return low + level * (high - low) / LEVELS;
    }

    /** [low, high] in modality units, or empty for the image's own range. */
    private static Optional<double[]> inModalityUnits(ImageDescription description, WindowChoice choice) {
        return switch (choice.kind()) {
            case IMAGE_RANGE -> Optional.empty();
            case FIXED -> Optional.of(new double[] {choice.center() - choice.width() / 2, choice.center() + choice.width() / 2});
            // A Modality LUT Sequence maps stored values by table, which no linear window inverts.
            case PRESET -> {
                if (description.lookupTables().get(ImageDescription.MODALITY_LUT_SEQUENCE) != null) {
                    yield Optional.empty();
                }
                double center = number(first(description.windowCenter()), Double.NaN);
                double width = number(first(description.windowWidth()), Double.NaN);
                yield Double.isNaN(center) || !(width >= 1) ? Optional.empty()
                        : Optional.of(new double[] {center - width / 2, center + width / 2});
            }
        };
    }

    /** The window over the image's lowest to highest stored value; one pass over the samples. */
    private static Rendering imageRange(SourceImage image, boolean inverted) {
        int[] range = StoredSamples.range(image.storedSamples(), image.layout());
        // A flat image still needs a window one value wide.
        return new Rendering(range[0], Math.max(range[1], range[0] + 1), inverted);
    }

    /** A given window, with what its saturated ends stand for: one pass over the samples. */
    private static Rendering saturating(SourceImage image, double low, double high, boolean inverted) {
        double belowSum = 0;
        long below = 0;
        double aboveSum = 0;
        long above = 0;
        PixelLayout layout = image.layout();
        for (int p = 0; p < layout.pixelCount(); p++) {
            for (int s = 0; s < layout.samplesPerPixel(); s++) {
                int value = image.sample(p, s);
                if (value <= low) {
                    belowSum += value;
                    below++;
                } else if (value >= high) {
                    aboveSum += value;
                    above++;
                }
            }
        }
        return new Rendering(low, high, inverted, below == 0 ? low : belowSum / below, above == 0 ? high : aboveSum / above);
    }

    private static String first(String values) {
        return values == null ? null : values.split("\\\\")[0];
    }

    private static double number(String text, double otherwise) {
        try {
            return text == null || text.isBlank() ? otherwise : Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }
}
