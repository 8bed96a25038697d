package io.synthgate.mask;

import io.synthgate.pixels.PixelBox;
import java.util.BitSet;

/** A rasterised mask over an image: a set pixel is one the generator regenerates. */
public final class Mask {

    private final int columns;
    private final int rows;
    private final BitSet bits;

    public Mask(int columns, int rows) {
        if (columns <= 0 || rows <= 0) {
            throw new IllegalArgumentException("Mask needs a positive size, not " + columns + "x" + rows);
        }
        this.columns = columns;
        this.rows = rows;
        this.bits = new BitSet(columns * rows);
    }

    public int columns() {
        return columns;
    }

    public int rows() {
        return rows;
    }

    public void set(int column, int row) {
        bits.set(index(column, row));
    }

    public boolean isSet(int column, int row) {
        return bits.get(index(column, row));
    }

    /** Whether the pixel at row-major {@code index} is masked. */
    public boolean isSet(int index) {
        return bits.get(index);
    }

    /** The first masked pixel at row-major index {@code from} or after it, or -1 when there is none. */
    public int nextSet(int from) {
        return bits.nextSetBit(from);
    }

    /** Sets every pixel of {@code box} moved by ({@code dx}, {@code dy}), clipped to the mask. */
    public void fill(PixelBox box, int dx, int dy) {
        for (int row = Math.max(0, box.row() + dy); row < Math.min(rows, box.row() + dy + box.height()); row++) {
            for (int column = Math.max(0, box.column() + dx); column < Math.min(columns, box.column() + dx + box.width());
                    column++) {
                set(column, row);
            }
        }
    }

    /** A copy that changes independently of this mask. */
    public Mask copy() {
        Mask copy = new Mask(columns, rows);
        copy.bits.or(bits);
        return copy;
    }

    /** The masked pixels as a region drawn on an image of this size, named {@code name}. */
    public DrawnRegion region(String name) {
        return DrawnRegion.of(name, columns, rows, bits);
    }

    /** Number of masked pixels. */
    public int area() {
        return bits.cardinality();
    }

    private int index(int column, int row) {
        if (column < 0 || column >= columns || row < 0 || row >= rows) {
            throw new IndexOutOfBoundsException("(" + column + "," + row + ") is outside " + columns + "x" + rows);
        }
        return row * columns + column;
    }
}
