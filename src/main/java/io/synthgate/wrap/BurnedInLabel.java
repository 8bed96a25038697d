package io.synthgate.wrap;

import io.synthgate.pixels.PixelBox;
import io.synthgate.pixels.PixelLayout;
import io.synthgate.pixels.StoredSamples;
import java.util.List;
import java.util.Optional;

/**
 * Burns "SYNTHETIC - AI GENERATED - NOT FOR DIAGNOSIS" into the pixels: white text on a black box,
 * about 3% of the image height, in the corner that is darkest on screen (background, not anatomy).
 * It survives screenshots and exports that drop every attribute. Small images get the shortest
 * form that fits; an image too small for even "SYNTHETIC" gets no label, and the attributes still
 * say what it is.
 */
final class BurnedInLabel {

    static final String TEXT = "SYNTHETIC - AI GENERATED - NOT FOR DIAGNOSIS";
    private static final List<List<String>> FORMS = List.of(
            List.of(TEXT),
            List.of("SYNTHETIC", "AI GENERATED", "NOT FOR DIAGNOSIS"),
            List.of("SYNTHETIC"));

    private BurnedInLabel() {
    }

    /** One way to set the label: its lines, the size they take at {@code scale}. */
    private record Form(List<String> lines, int scale, int width, int height) {

        static List<Form> at(PixelLayout layout) {
            int scale = Math.max(1, (int) Math.round(layout.rows() * 0.03 / LabelFont.HEIGHT));
            return FORMS.stream().map(lines -> new Form(lines, scale,
                    (lines.stream().mapToInt(String::length).max().orElse(0) * (LabelFont.WIDTH + 1) + 1) * scale,
                    (lines.size() * (LabelFont.HEIGHT + 1) + 1) * scale)).toList();
        }
    }

    /** Burns the label into {@code samples}; returns where, or empty when no form fits. */
    static Optional<PixelBox> burn(Object samples, PixelLayout layout) {
        for (Form form : Form.at(layout)) {
            int margin = 2 * form.scale();
            if (form.width() + 2 * margin <= layout.columns() && form.height() + 2 * margin <= layout.rows()) {
                PixelBox box = darkestCorner(samples, layout, form.width(), form.height(), margin);
                draw(samples, layout, box, form.lines(), form.scale());
                return Optional.of(box);
            }
        }
        return Optional.empty();
    }

    /** Burns the label into another frame of the same stack exactly where {@link #burn} put it on the first. */
    static void burnAt(Object samples, PixelLayout layout, PixelBox box) {
        Form form = Form.at(layout).stream().filter(f -> f.width() == box.width() && f.height() == box.height())
                .findFirst().orElseThrow(() -> new IllegalArgumentException("No label form is " + box.width() + "x"
                        + box.height() + " at this size"));
        draw(samples, layout, box, form.lines(), form.scale());
    }

    private static PixelBox darkestCorner(Object samples, PixelLayout layout, int width, int height, int margin) {
        int right = layout.columns() - margin - width;
        int bottom = layout.rows() - margin - height;
        List<PixelBox> corners = List.of(new PixelBox(margin, bottom, width, height),
                new PixelBox(right, bottom, width, height), new PixelBox(margin, margin, width, height),
                new PixelBox(right, margin, width, height));
        PixelBox best = corners.get(0);
        double bestBrightness = Double.MAX_VALUE;
        for (PixelBox corner : corners) {
            double brightness = displayedBrightness(samples, layout, corner);
            if (brightness < bestBrightness) {
                bestBrightness = brightness;
                best = corner;
            }
        }
        return best;
    }

    /** Mean of the first sample over the box, turned so that higher means brighter on screen. */
    private static double displayedBrightness(Object samples, PixelLayout layout, PixelBox box) {
        double sum = 0;
        for (int y = box.row(); y < box.row() + box.height(); y++) {
            for (int x = box.column(); x < box.column() + box.width(); x++) {
                sum += StoredSamples.read(samples, layout, y * layout.columns() + x, 0);
            }
        }
        double mean = sum / ((double) box.width() * box.height());
        return inverted(layout) ? -mean : mean;
    }

    private static void draw(Object samples, PixelLayout layout, PixelBox box, List<String> lines, int scale) {
        double black = inverted(layout) ? layout.maxValue() : layout.minValue();
        double white = inverted(layout) ? layout.minValue() : layout.maxValue();
        for (int y = 0; y < box.height(); y++) {
            for (int x = 0; x < box.width(); x++) {
                boolean ink = inkAt(lines, x / scale - 1, y / scale - 1);
                paint(samples, layout, (box.row() + y) * layout.columns() + box.column() + x, ink ? white : black);
            }
        }
    }

    /** Whether the cell grid position (cx, cy), counted from the first glyph's top-left, is ink. */
    private static boolean inkAt(List<String> lines, int cx, int cy) {
        if (cx < 0 || cy < 0) {
            return false;
        }
        int line = cy / (LabelFont.HEIGHT + 1);
        int yInGlyph = cy % (LabelFont.HEIGHT + 1);
        int character = cx / (LabelFont.WIDTH + 1);
        int xInGlyph = cx % (LabelFont.WIDTH + 1);
        if (line >= lines.size() || yInGlyph >= LabelFont.HEIGHT || xInGlyph >= LabelFont.WIDTH
                || character >= lines.get(line).length()) {
            return false;
        }
        return LabelFont.ink(lines.get(line).charAt(character), xInGlyph, yInGlyph);
    }

    private static void paint(Object samples, PixelLayout layout, int pixel, double value) {
        boolean ybr = layout.photometricInterpretation().startsWith("YBR");
        for (int s = 0; s < layout.samplesPerPixel(); s++) {
            double chroma = (layout.maxValue() + 1) / 2.0;
            StoredSamples.write(samples, layout, pixel, s, ybr && s > 0 ? chroma : value);
        }
    }


    private static boolean inverted(PixelLayout layout) {
        return "MONOCHROME1".equals(layout.photometricInterpretation());
    }
}
