package io.synthgate.mask;

import java.util.BitSet;

/**
 * A region drawn on one image in its source (an ROI overlay plane, or a segment of a segmentation),
 * kept cropped to the box of the pixels it sets, so a study's regions stay small however large its
 * images are.
 *
 * @param name what drew it, for messages: "overlay 6000", "segment 1 (Liver) of 1.2.3"
 * @param columns the columns of the image it was drawn on
 * @param rows the rows of the image it was drawn on
 * @param left first column of the box
 * @param top first row of the box
 * @param width the box's width; 0 for a region that sets no pixel
 * @param height the box's height
 * @param bits the box's pixels, row by row
 */
public record DrawnRegion(String name, int columns, int rows, int left, int top, int width, int height, BitSet bits) {

    public DrawnRegion {
        bits = (BitSet) bits.clone();
    }

    /** The region of the set pixels among {@code columns} x {@code rows}, row-major in {@code full}. */
    public static DrawnRegion of(String name, int columns, int rows, BitSet full) {
        int left = columns;
        int top = rows;
        int right = -1;
        int bottom = -1;
        for (int i = full.nextSetBit(0); i >= 0 && i < columns * rows; i = full.nextSetBit(i + 1)) {
            int column = i % columns;
            int row = i / columns;
            left = Math.min(left, column);
            right = Math.max(right, column);
            top = Math.min(top, row);
            bottom = Math.max(bottom, row);
        }
        if (right < 0) {
            return new DrawnRegion(name, columns, rows, 0, 0, 0, 0, new BitSet());
        }
        int width = right - left + 1;
        int height = bottom - top + 1;
        BitSet box = new BitSet(width * height);
        for (int row = top; row <= bottom; row++) {
            for (int column = left; column <= right; column++) {
                if (full.get(row * columns + column)) {
                    box.set((row - top) * width + (column - left));
                }
            }
        }
        return new DrawnRegion(name, columns, rows, left, top, width, height, box);
    }

    /** Number of pixels it sets. */
    public int area() {
        return bits.cardinality();
    }

    /** This region and {@code other}, drawn on the same image, as one. */
    public DrawnRegion union(DrawnRegion other) {
        requireSize(other.columns, other.rows);
        if (other.area() == 0) {
            return this;
        }
        if (area() == 0) {
            return new DrawnRegion(name, columns, rows, other.left, other.top, other.width, other.height, other.bits);
        }
        int newLeft = Math.min(left, other.left);
        int newTop = Math.min(top, other.top);
        int newWidth = Math.max(left + width, other.left + other.width) - newLeft;
        int newHeight = Math.max(top + height, other.top + other.height) - newTop;
        BitSet box = new BitSet(newWidth * newHeight);
        for (DrawnRegion part : new DrawnRegion[] {this, other}) {
            for (int i = part.bits.nextSetBit(0); i >= 0; i = part.bits.nextSetBit(i + 1)) {
                box.set((part.top + i / part.width - newTop) * newWidth + part.left + i % part.width - newLeft);
            }
        }
        return new DrawnRegion(name, columns, rows, newLeft, newTop, newWidth, newHeight, box);
    }

    /** Sets the region's pixels in {@code mask}, which must be the size of the image it was drawn on. */
    public void paint(Mask mask) {
        requireSize(mask.columns(), mask.rows());
        for (int i = bits.nextSetBit(0); i >= 0; i = bits.nextSetBit(i + 1)) {
            mask.set(left + i % width, top + i / width);
        }
    }

    private void requireSize(int otherColumns, int otherRows) {
        if (otherColumns != columns || otherRows != rows) {
            throw new IllegalArgumentException(name + " was drawn on a " + columns + "x" + rows + " image, not on a "
                    + otherColumns + "x" + otherRows + " one");
        }
    }
}
