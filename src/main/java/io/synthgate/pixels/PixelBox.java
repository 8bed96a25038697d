package io.synthgate.pixels;

import java.util.ArrayList;
import java.util.List;

/**
 * A box of pixels: left column, top row, width and height. Where the burned-in label lies, and where
 * the source lies on a canvas grown by outpainting.
 */
public record PixelBox(int column, int row, int width, int height) {

    /** The boxes of a DICOM value of four numbers per box (column, row, width, height); none for null. */
    public static List<PixelBox> listOf(int[] values) {
        List<PixelBox> boxes = new ArrayList<>();
        for (int i = 0; values != null && i + 3 < values.length; i += 4) {
            boxes.add(new PixelBox(values[i], values[i + 1], values[i + 2], values[i + 3]));
        }
        return boxes;
    }
}
