package io.synthgate.mask;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Collectors;

/**
 * A region to regenerate, independent of any image size. Text form, as routes and the API write it;
 * every length is a pixel count ({@code 120}) or a share of the image's columns or rows ({@code 40%}):
 * <ul>
 * <li>{@code rectangle X Y WIDTH HEIGHT}: top-left corner and size;</li>
 * <li>{@code ellipse CX CY RX RY}: centre and radii;</li>
 * <li>{@code polygon X1 Y1 X2 Y2 X3 Y3 ...}: at least three corners, filled by the even-odd rule;</li>
 * <li>{@code stroke RADIUS X1 Y1 X2 Y2 ...}: a brush stroke, every pixel within RADIUS of the path through
 * the points (one point: a dot);</li>
 * <li>{@code random-erase COUNT MIN% MAX% SEED}: COUNT boxes whose sides are between MIN% and MAX% of
 * the image's, placed at random from SEED, so the same spec always gives the same boxes;</li>
 * <li>{@code extend SIDE LENGTH ...}: outpainting; the canvas grows on each named side ({@code top},
 * {@code right}, {@code bottom}, {@code left}) by LENGTH, a percentage being of the source's rows for
 * top and bottom and of its columns for left and right. The new border is the mask;</li>
 * <li>{@code overlay GROUP}: the pixels set in the image's own ROI overlay plane, e.g. {@code overlay 6000}
 * (graphics overlays, which may draw text, are refused);</li>
 * <li>{@code segment NUMBER} or {@code segment LABEL}: what that segment of a segmentation (SEG) in the
 * study covers on the image, e.g. {@code segment 1} or {@code segment liver};</li>
 * <li>{@code expert}: the region a researcher drew or uploaded for this very image while its job waited
 * (state AWAITING_MASK), its latest version;</li>
 * <li>several of these joined by {@code ;} cover their union (at most one {@code extend}; the other
 * shapes keep the source's coordinates on the grown canvas).</li>
 * </ul>
 */
public sealed interface MaskSpec {

    /**
     * The mask for an image of the given size, over the canvas this spec makes of it: the image's
     * own, or the grown one of {@link #growth}. Never empty, clipped to the canvas.
     */
    default Mask rasterize(int columns, int rows) {
        return rasterize(columns, rows, ImageRegions.NOT_COLLECTED);
    }

    /** {@link #rasterize(int, int)} for an image on which {@code drawn} lie, for specs that name them. */
    default Mask rasterize(int columns, int rows, ImageRegions drawn) {
        Mask inner = new Mask(columns, rows);
        paint(inner, drawn);
        CanvasGrowth growth = growth(columns, rows);
        Mask mask = growth.isNone() ? inner : growth.embed(inner);
        if (mask.area() == 0) {
            throw new IllegalArgumentException("Mask '" + text() + "' covers no pixel of a " + columns + "x" + rows
                    + " image");
        }
        return mask;
    }

    /** Sets the pixels of the source this spec covers; {@code drawn} are the regions drawn on it. */
    void paint(Mask mask, ImageRegions drawn);

    /** {@link #paint(Mask, ImageRegions)} for a spec of shapes alone. */
    default void paint(Mask mask) {
        paint(mask, ImageRegions.NOT_COLLECTED);
    }

    /** Whether it names regions drawn in the study ({@code overlay}, {@code segment}) rather than shapes alone. */
    default boolean readsDrawnRegions() {
        return false;
    }

    /** Whether it names a mask a researcher draws per image ({@code expert}), for which the job waits. */
    default boolean needsExpertMask() {
        return false;
    }

    /** How much this spec grows the canvas of a {@code columns} x {@code rows} image; none but for {@code extend}. */
    default CanvasGrowth growth(int columns, int rows) {
        return CanvasGrowth.NONE;
    }

    /** The text form that {@link #parse(String)} reads back. */
    String text();

    static MaskSpec parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("Mask spec is empty");
        }
        List<MaskSpec> parts = new ArrayList<>();
        for (String part : text.split(";")) {
            parts.add(parseOne(part));
        }
        if (parts.stream().filter(Extend.class::isInstance).count() > 1) {
            throw new IllegalArgumentException("Mask spec '" + text.strip() + "' has more than one extend; name every side"
                    + " in one: 'extend top 20% bottom 20%'");
        }
        return parts.size() == 1 ? parts.get(0) : new Union(parts);
    }

    private static MaskSpec parseOne(String text) {
        List<String> words = List.of(text.strip().toLowerCase(Locale.ROOT).split("\\s+"));
        String shape = words.get(0);
        List<String> args = words.subList(1, words.size());
        switch (shape) {
            case "rectangle":
                requireCount(text, args, 4);
                return new Rectangle(Length.parse(args.get(0)), Length.parse(args.get(1)), Length.parse(args.get(2)),
                        Length.parse(args.get(3)));
            case "ellipse":
                requireCount(text, args, 4);
                return new Ellipse(Length.parse(args.get(0)), Length.parse(args.get(1)), Length.parse(args.get(2)),
                        Length.parse(args.get(3)));
            case "polygon":
                if (args.size() < 6 || args.size() % 2 != 0) {
                    throw new IllegalArgumentException("Mask spec '" + text.strip()
                            + "' needs 'polygon X1 Y1 X2 Y2 X3 Y3 ...' with at least three corners");
                }
                return new Polygon(args.stream().map(Length::parse).toList());
            case "stroke":
                if (args.size() < 3 || args.size() % 2 != 1) {
                    throw new IllegalArgumentException("Mask spec '" + text.strip()
                            + "' needs 'stroke RADIUS X1 Y1 X2 Y2 ...' with at least one point");
                }
                return new Stroke(Length.parse(args.get(0)), args.subList(1, args.size()).stream().map(Length::parse)
                        .toList());
            case "expert":
                requireCount(text, args, 0);
                return new Expert();
            case "random-erase":
                requireCount(text, args, 4);
                try {
                    return new RandomBoxes(Integer.parseInt(args.get(0)), Length.parse(args.get(1)),
                            Length.parse(args.get(2)), Long.parseLong(args.get(3)));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("Mask spec '" + text.strip()
                            + "' needs 'random-erase COUNT MIN% MAX% SEED' with whole numbers for COUNT and SEED");
                }
            case "extend":
                return Extend.parse(text.strip(), args);
            case "overlay":
                return Overlay.parse(text.strip(), args);
            case "segment":
                if (args.isEmpty()) {
                    throw new IllegalArgumentException("Mask spec '" + text.strip() + "' needs 'segment NUMBER' or"
                            + " 'segment LABEL'");
                }
                return new Segment(String.join(" ", args));
            default:
                throw new IllegalArgumentException("Mask spec '" + text.strip()
                        + "' is not rectangle, ellipse, polygon, stroke, random-erase, extend, overlay, segment or"
                        + " expert");
        }
    }

    private static void requireCount(String text, List<String> args, int count) {
        if (args.size() != count) {
            throw new IllegalArgumentException("Mask spec '" + text.strip() + "' needs " + count + " values, not "
                    + args.size());
        }
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

        double resolve(int extent) {
            return percent ? value * extent / 100.0 : value;
        }

        String text() {
            String number = value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
            return percent ? number + "%" : number;
        }
    }

    /** An axis-aligned rectangle: top-left corner, then width and height. */
    record Rectangle(Length x, Length y, Length width, Length height) implements MaskSpec {

        @Override
        public void paint(Mask mask, ImageRegions drawn) {
            int left = (int) Math.round(x.resolve(mask.columns()));
            int top = (int) Math.round(y.resolve(mask.rows()));
            fill(mask, left, top, left + (int) Math.round(width.resolve(mask.columns())),
                    top + (int) Math.round(height.resolve(mask.rows())));
        }

        @Override
        public String text() {
            return "rectangle " + x.text() + " " + y.text() + " " + width.text() + " " + height.text();
        }
    }

    /** An axis-aligned ellipse: centre and radii. */
    record Ellipse(Length centerX, Length centerY, Length radiusX, Length radiusY) implements MaskSpec {

        @Override
        public void paint(Mask mask, ImageRegions drawn) {
            double cx = centerX.resolve(mask.columns());
            double cy = centerY.resolve(mask.rows());
            double rx = radiusX.resolve(mask.columns());
            double ry = radiusY.resolve(mask.rows());
            if (rx <= 0 || ry <= 0) {
                return;
            }
            for (int row = 0; row < mask.rows(); row++) {
                for (int column = 0; column < mask.columns(); column++) {
                    double dx = (column + 0.5 - cx) / rx;
                    double dy = (row + 0.5 - cy) / ry;
                    if (dx * dx + dy * dy <= 1) {
                        mask.set(column, row);
                    }
                }
            }
        }

        @Override
        public String text() {
            return "ellipse " + centerX.text() + " " + centerY.text() + " " + radiusX.text() + " " + radiusY.text();
        }
    }

    /** A polygon given by its corners (x, y pairs), filled by the even-odd rule at pixel centres. */
    record Polygon(List<Length> coordinates) implements MaskSpec {

        public Polygon {
            coordinates = List.copyOf(coordinates);
        }

        @Override
        public void paint(Mask mask, ImageRegions drawn) {
            int corners = coordinates.size() / 2;
            double[] xs = new double[corners];
            double[] ys = new double[corners];
            for (int i = 0; i < corners; i++) {
                xs[i] = coordinates.get(2 * i).resolve(mask.columns());
                ys[i] = coordinates.get(2 * i + 1).resolve(mask.rows());
            }
            for (int row = 0; row < mask.rows(); row++) {
                double py = row + 0.5;
                for (int column = 0; column < mask.columns(); column++) {
                    double px = column + 0.5;
                    boolean inside = false;
                    for (int i = 0, j = corners - 1; i < corners; j = i++) {
                        if ((ys[i] > py) != (ys[j] > py)
                                && px < (xs[j] - xs[i]) * (py - ys[i]) / (ys[j] - ys[i]) + xs[i]) {
                            inside = !inside;
                        }
                    }
                    if (inside) {
                        mask.set(column, row);
                    }
                }
            }
        }

        @Override
        public String text() {
            return "polygon " + coordinates.stream().map(Length::text).collect(Collectors.joining(" "));
        }
    }

    /**
     * A brush stroke: every pixel whose centre lies within {@code radius} of the path through the points
     * (x, y pairs). The radius is taken along the columns when given as a percentage.
     */
    record Stroke(Length radius, List<Length> coordinates) implements MaskSpec {

        public Stroke {
            coordinates = List.copyOf(coordinates);
        }

        @Override
        public void paint(Mask mask, ImageRegions drawn) {
            double r = radius.resolve(mask.columns());
            int points = coordinates.size() / 2;
            for (int i = 0; i < points; i++) {
                int j = Math.min(i + 1, points - 1);
                segment(mask, x(i, mask), y(i, mask), x(j, mask), y(j, mask), r);
            }
        }

        private double x(int point, Mask mask) {
            return coordinates.get(2 * point).resolve(mask.columns());
        }

        private double y(int point, Mask mask) {
            return coordinates.get(2 * point + 1).resolve(mask.rows());
        }

        /** Sets the pixels within {@code r} of the segment from (ax, ay) to (bx, by). */
        private static void segment(Mask mask, double ax, double ay, double bx, double by, double r) {
            double dx = bx - ax;
            double dy = by - ay;
            double length2 = dx * dx + dy * dy;
            int firstRow = Math.max(0, (int) Math.floor(Math.min(ay, by) - r));
            int lastRow = Math.min(mask.rows() - 1, (int) Math.ceil(Math.max(ay, by) + r));
            int firstColumn = Math.max(0, (int) Math.floor(Math.min(ax, bx) - r));
            int lastColumn = Math.min(mask.columns() - 1, (int) Math.ceil(Math.max(ax, bx) + r));
            for (int row = firstRow; row <= lastRow; row++) {
                for (int column = firstColumn; column <= lastColumn; column++) {
                    double px = column + 0.5 - ax;
                    double py = row + 0.5 - ay;
                    double t = length2 == 0 ? 0 : Math.max(0, Math.min(1, (px * dx + py * dy) / length2));
                    double ex = px - t * dx;
                    double ey = py - t * dy;
                    if (ex * ex + ey * ey <= r * r) {
                        mask.set(column, row);
                    }
                }
            }
        }

        @Override
        public String text() {
            return "stroke " + radius.text() + " " + coordinates.stream().map(Length::text)
                    .collect(Collectors.joining(" "));
        }
    }

    /** Random erasing: {@code count} boxes with sides between {@code min} and {@code max}, from {@code seed}. */
    record RandomBoxes(int count, Length min, Length max, long seed) implements MaskSpec {

        public RandomBoxes {
            if (count < 1 || count > 1000) {
                throw new IllegalArgumentException("random-erase needs 1 to 1000 boxes, not " + count);
            }
            if (min.value() > max.value() || min.percent() != max.percent()) {
                throw new IllegalArgumentException("random-erase needs MIN <= MAX in the same unit");
            }
        }

        @Override
        public void paint(Mask mask, ImageRegions drawn) {
            Random random = new Random(seed);
            for (int i = 0; i < count; i++) {
                int width = side(random, mask.columns());
                int height = side(random, mask.rows());
                int left = random.nextInt(Math.max(1, mask.columns() - width + 1));
                int top = random.nextInt(Math.max(1, mask.rows() - height + 1));
                fill(mask, left, top, left + width, top + height);
            }
        }

        private int side(Random random, int extent) {
            double low = min.resolve(extent);
            double high = max.resolve(extent);
            return Math.max(1, (int) Math.round(low + random.nextDouble() * (high - low)));
        }

        @Override
        public String text() {
            return "random-erase " + count + " " + min.text() + " " + max.text() + " " + seed;
        }
    }

    /** Outpainting: the canvas grows by these lengths; it paints no pixel of the source itself. */
    record Extend(Length top, Length right, Length bottom, Length left) implements MaskSpec {

        private static final List<String> SIDES = List.of("top", "right", "bottom", "left");

        static Extend parse(String text, List<String> args) {
            Length[] lengths = {new Length(0, false), new Length(0, false), new Length(0, false), new Length(0, false)};
            boolean[] named = new boolean[4];
            if (args.isEmpty() || args.size() % 2 != 0) {
                throw new IllegalArgumentException("Mask spec '" + text + "' needs 'extend SIDE LENGTH ...' with SIDE one of "
                        + SIDES);
            }
            for (int i = 0; i < args.size(); i += 2) {
                int side = SIDES.indexOf(args.get(i));
                if (side < 0 || named[side]) {
                    throw new IllegalArgumentException("Mask spec '" + text + "': '" + args.get(i) + "' is "
                            + (side < 0 ? "not one of " + SIDES : "named twice"));
                }
                named[side] = true;
                lengths[side] = Length.parse(args.get(i + 1));
            }
            return new Extend(lengths[0], lengths[1], lengths[2], lengths[3]);
        }

        @Override
        public void paint(Mask mask, ImageRegions drawn) {
            // The mask of an extend is the border it adds, which CanvasGrowth.embed sets.
        }

        @Override
        public CanvasGrowth growth(int columns, int rows) {
            return new CanvasGrowth((int) Math.round(top.resolve(rows)), (int) Math.round(right.resolve(columns)),
                    (int) Math.round(bottom.resolve(rows)), (int) Math.round(left.resolve(columns)));
        }

        @Override
        public String text() {
            StringBuilder text = new StringBuilder("extend");
            Length[] lengths = {top, right, bottom, left};
            for (int side = 0; side < 4; side++) {
                if (lengths[side].value() > 0) {
                    text.append(' ').append(SIDES.get(side)).append(' ').append(lengths[side].text());
                }
            }
            return text.length() == "extend".length() ? "extend top 0" : text.toString();
        }
    }

    /** The image's ROI overlay plane in group {@code group} (0x6000, 0x6002, ... 0x601E). */
    record Overlay(int group) implements MaskSpec {

        public Overlay {
            if (group < 0x6000 || group > 0x601E || group % 2 != 0) {
                throw new IllegalArgumentException("Overlay group " + Integer.toHexString(group)
                        + " is not one of 6000, 6002, ... 601E");
            }
        }

        static Overlay parse(String text, List<String> args) {
            if (args.size() != 1) {
                throw new IllegalArgumentException("Mask spec '" + text + "' needs 'overlay GROUP', e.g. 'overlay 6000'");
            }
            try {
                return new Overlay(Integer.parseInt(args.get(0), 16));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("Mask spec '" + text + "': '" + args.get(0)
                        + "' is not an overlay group such as 6000");
            }
        }

        @Override
        public void paint(Mask mask, ImageRegions drawn) {
            drawn.overlay(group).paint(mask);
        }

        @Override
        public boolean readsDrawnRegions() {
            return true;
        }

        @Override
        public String text() {
            return "overlay " + Integer.toHexString(group);
        }
    }

    /** A segment, by number or label, of the segmentations in the study that cover the image. */
    record Segment(String numberOrLabel) implements MaskSpec {

        @Override
        public void paint(Mask mask, ImageRegions drawn) {
            drawn.segment(numberOrLabel).paint(mask);
        }

        @Override
        public boolean readsDrawnRegions() {
            return true;
        }

        @Override
        public String text() {
            return "segment " + numberOrLabel;
        }
    }

    /** The mask a researcher drew or uploaded for the image, its latest version when the job went on. */
    record Expert() implements MaskSpec {

        @Override
        public void paint(Mask mask, ImageRegions drawn) {
            drawn.expert().paint(mask);
        }

        @Override
        public boolean needsExpertMask() {
            return true;
        }

        @Override
        public String text() {
            return "expert";
        }
    }

    /** Several specs; a pixel is masked when any of them covers it. */
    record Union(List<MaskSpec> parts) implements MaskSpec {

        public Union {
            parts = List.copyOf(parts);
        }

        @Override
        public void paint(Mask mask, ImageRegions drawn) {
            parts.forEach(part -> part.paint(mask, drawn));
        }

        @Override
        public CanvasGrowth growth(int columns, int rows) {
            return parts.stream().map(part -> part.growth(columns, rows)).filter(growth -> !growth.isNone()).findFirst()
                    .orElse(CanvasGrowth.NONE);
        }

        @Override
        public boolean readsDrawnRegions() {
            return parts.stream().anyMatch(MaskSpec::readsDrawnRegions);
        }

        @Override
        public boolean needsExpertMask() {
            return parts.stream().anyMatch(MaskSpec::needsExpertMask);
        }

        @Override
        public String text() {
            return parts.stream().map(MaskSpec::text).collect(Collectors.joining("; "));
        }
    }

    /** Sets every pixel of [left, right) x [top, bottom), clipped to the mask. */
    private static void fill(Mask mask, int left, int top, int right, int bottom) {
        for (int row = Math.max(0, top); row < Math.min(bottom, mask.rows()); row++) {
            for (int column = Math.max(0, left); column < Math.min(right, mask.columns()); column++) {
                mask.set(column, row);
            }
        }
    }
}
