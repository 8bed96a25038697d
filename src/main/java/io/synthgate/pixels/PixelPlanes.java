package io.synthgate.pixels;

/**
 * Image samples as numbers a generator works on: one row-major plane per sample (channel), with the
 * range the values must stay in to be stored again.
 */
public record PixelPlanes(int columns, int rows, double[][] planes, double minValue, double maxValue) {

    public PixelPlanes {
        for (double[] plane : planes) {
            if (plane.length != columns * rows) {
                throw new IllegalArgumentException("Plane of " + plane.length + " values for " + columns + "x" + rows);
            }
        }
    }

    public static PixelPlanes of(SourceImage image) {
        PixelLayout layout = image.layout();
        double[][] planes = new double[layout.samplesPerPixel()][layout.pixelCount()];
        for (int p = 0; p < layout.pixelCount(); p++) {
            for (int s = 0; s < layout.samplesPerPixel(); s++) {
                planes[s][p] = image.sample(p, s);
            }
        }
        return new PixelPlanes(layout.columns(), layout.rows(), planes, layout.minValue(), layout.maxValue());
    }

    public PixelPlanes copy() {
        double[][] copies = new double[planes.length][];
        for (int i = 0; i < planes.length; i++) {
            copies[i] = planes[i].clone();
        }
        return new PixelPlanes(columns, rows, copies, minValue, maxValue);
    }
}
