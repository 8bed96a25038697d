package io.synthgate.pixels;

/**
 * Image samples held as numbers the built-in inpainter works on: one row-major plane per sample
 * (channel), with the range the values must stay in to be stored again.
 */
public record PixelPlanes(int columns, int rows, double[][] planes, double minValue, double maxValue) implements Planes {

    public PixelPlanes {
        for (double[] plane : planes) {
            if (plane.length != columns * rows) {
                throw new IllegalArgumentException("Plane of " + plane.length + " values for " + columns + "x" + rows);
            }
        }
    }

    /** The values of {@code image} (a source, or a view of one) held in arrays. */
    public static PixelPlanes of(Planes image) {
        int pixels = image.columns() * image.rows();
        double[][] planes = new double[image.channels()][pixels];
        for (int c = 0; c < planes.length; c++) {
            for (int p = 0; p < pixels; p++) {
                planes[c][p] = image.value(c, p);
            }
        }
        return new PixelPlanes(image.columns(), image.rows(), planes, image.minValue(), image.maxValue());
    }

    @Override
    public int channels() {
        return planes.length;
    }

    @Override
    public double value(int channel, int pixel) {
        return planes[channel][pixel];
    }

    public PixelPlanes copy() {
        return new PixelPlanes(columns, rows, copyOf(planes), minValue, maxValue);
    }

    /** Each of {@code planes} copied into an array of its own. */
    public static double[][] copyOf(double[][] planes) {
        double[][] copies = new double[planes.length][];
        for (int i = 0; i < planes.length; i++) {
            copies[i] = planes[i].clone();
        }
        return copies;
    }
}
