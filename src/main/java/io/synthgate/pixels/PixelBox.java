package io.synthgate.pixels;

/**
 * A box of pixels: left column, top row, width and height. Where the burned-in label lies, and where
 * the source lies on a canvas grown by outpainting.
 */
public record PixelBox(int column, int row, int width, int height) {
}
