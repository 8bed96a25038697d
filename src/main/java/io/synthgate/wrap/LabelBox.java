package io.synthgate.wrap;

/** Where the burned-in label lies, in pixels: left column, top row, width and height. */
public record LabelBox(int column, int row, int width, int height) {
}
