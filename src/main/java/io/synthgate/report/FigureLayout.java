package io.synthgate.report;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * One page of a report's figure as positioned elements, drawn the same by every output format
 * ({@link FigureFormats}): the PNG and the SVG of a page have one layout.
 *
 * @param width in pixels (at 300 dpi)
 * @param height in pixels (at 300 dpi)
 * @param elements drawn in order
 */
record FigureLayout(int width, int height, List<Element> elements) {

    /** Something drawn on the figure. */
    sealed interface Element permits Box, Picture, Text {
    }

    /** A filled rectangle. */
    record Box(int x, int y, int width, int height, Color color) implements Element {
    }

    /** A picture at its own size, its top left corner at x, y. */
    record Picture(int x, int y, BufferedImage image, String description) implements Element {
    }

    /** A line of text, its baseline at y. */
    record Text(int x, int y, String text, int size, boolean bold, Color color) implements Element {
    }
}
