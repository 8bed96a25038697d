package io.synthgate.generator.http;

import io.synthgate.mask.Mask;
import io.synthgate.pixels.Planes;
import io.synthgate.pixels.Rendering;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;

/**
 * Where a source image sits in the picture a provider receives: scaled to fit, keeping its aspect,
 * centred, with black padding around it. Renders the image and its mask onto that picture, and maps
 * a provider's result back onto the source grid and stored-value range.
 *
 * @param width the picture's width sent to the provider
 * @param height the picture's height
 * @param contentX left edge of the scaled source in the picture
 * @param contentY top edge of the scaled source
 * @param contentWidth width of the scaled source
 * @param contentHeight height of the scaled source
 */
record Canvas(int width, int height, int contentX, int contentY, int contentWidth, int contentHeight) {

    /** How a provider reads a mask: white means regenerate, or transparent means regenerate. */
    enum MaskPolarity {
        /** Grayscale: 255 = regenerate, 0 = keep (AUTOMATIC1111, Stability, our KServe contract). */
        WHITE_REGENERATES,
        /** RGBA: alpha 0 = regenerate, opaque = keep (OpenAI Images). */
        TRANSPARENT_REGENERATES
    }

    /** The source scaled to fit a {@code width}x{@code height} picture, padded to it. */
    static Canvas fit(int sourceColumns, int sourceRows, int width, int height) {
        double scale = Math.min((double) width / sourceColumns, (double) height / sourceRows);
        int contentWidth = Math.max(1, Math.min(width, (int) Math.round(sourceColumns * scale)));
        int contentHeight = Math.max(1, Math.min(height, (int) Math.round(sourceRows * scale)));
        return new Canvas(width, height, (width - contentWidth) / 2, (height - contentHeight) / 2, contentWidth,
                contentHeight);
    }

    /**
     * The source scaled so its longer side is at most {@code maxSide} and both sides are multiples of
     * {@code multiple}, without padding: for providers that return the size they receive.
     */
    static Canvas scaled(int sourceColumns, int sourceRows, int maxSide, int multiple) {
        double scale = Math.min(1.0, (double) maxSide / Math.max(sourceColumns, sourceRows));
        int width = Math.max(multiple, (int) Math.round(sourceColumns * scale / multiple) * multiple);
        int height = Math.max(multiple, (int) Math.round(sourceRows * scale / multiple) * multiple);
        return new Canvas(width, height, 0, 0, width, height);
    }

    /** Whether the source is resampled on its way to the provider (DICOM derivation code 113085). */
    boolean resamples(int sourceColumns, int sourceRows) {
        return contentWidth != sourceColumns || contentHeight != sourceRows;
    }

    /**
     * The image as the provider sees it, through {@code rendering}: 8-bit grayscale for a grayscale
     * source, opaque 8-bit RGBA for colour (the PNG forms DALL-E 2 accepts, L and RGBA, and every other
     * provider too).
     */
    BufferedImage render(Planes image, Rendering rendering) {
        int pixels = image.columns() * image.rows();
        if (image.channels() == 1) {
            BufferedImage source = new BufferedImage(image.columns(), image.rows(), BufferedImage.TYPE_BYTE_GRAY);
            byte[] gray = ((DataBufferByte) source.getRaster().getDataBuffer()).getData();
            for (int p = 0; p < pixels; p++) {
                gray[p] = (byte) rendering.toDisplay(image.value(0, p));
            }
            return place(source, BufferedImage.TYPE_BYTE_GRAY);
        }
        BufferedImage source = new BufferedImage(image.columns(), image.rows(), BufferedImage.TYPE_4BYTE_ABGR);
        byte[] abgr = ((DataBufferByte) source.getRaster().getDataBuffer()).getData();
        for (int p = 0; p < pixels; p++) {
            abgr[4 * p] = (byte) 0xFF;
            abgr[4 * p + 1] = (byte) rendering.toDisplay(image.value(2, p));
            abgr[4 * p + 2] = (byte) rendering.toDisplay(image.value(1, p));
            abgr[4 * p + 3] = (byte) rendering.toDisplay(image.value(0, p));
        }
        BufferedImage placed = place(source, BufferedImage.TYPE_4BYTE_ABGR);
        byte[] padded = ((DataBufferByte) placed.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < padded.length; i += 4) {
            padded[i] = (byte) 0xFF;
        }
        return placed;
    }

    /**
     * The mask as the provider reads it. Scaling is conservative: a picture pixel is marked when any
     * masked source pixel falls within it, so the provider regenerates at least the whole mask.
     */
    BufferedImage render(Mask mask, MaskPolarity polarity) {
        int columns = mask.columns();
        int rows = mask.rows();
        // Summed-area table: how many masked pixels lie above and left of each grid corner.
        int[] sums = new int[(columns + 1) * (rows + 1)];
        for (int row = 0; row < rows; row++) {
            for (int column = 0; column < columns; column++) {
                int corner = (row + 1) * (columns + 1) + column + 1;
                sums[corner] = (mask.isSet(column, row) ? 1 : 0) + sums[corner - 1] + sums[corner - columns - 1]
                        - sums[corner - columns - 2];
            }
        }
        boolean white = polarity == MaskPolarity.WHITE_REGENERATES;
        BufferedImage out = new BufferedImage(width, height, white ? BufferedImage.TYPE_BYTE_GRAY
                : BufferedImage.TYPE_4BYTE_ABGR);
        byte[] data = ((DataBufferByte) out.getRaster().getDataBuffer()).getData();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                boolean regenerate = false;
                if (x >= contentX && x < contentX + contentWidth && y >= contentY && y < contentY + contentHeight) {
                    int left = (int) Math.floor((double) (x - contentX) * columns / contentWidth);
                    int right = Math.min(columns, (int) Math.ceil((double) (x - contentX + 1) * columns / contentWidth));
                    int top = (int) Math.floor((double) (y - contentY) * rows / contentHeight);
                    int bottom = Math.min(rows, (int) Math.ceil((double) (y - contentY + 1) * rows / contentHeight));
                    regenerate = sums[bottom * (columns + 1) + right] - sums[top * (columns + 1) + right]
                            - sums[bottom * (columns + 1) + left] + sums[top * (columns + 1) + left] > 0;
                }
                if (white) {
                    data[y * width + x] = (byte) (regenerate ? 255 : 0);
                } else {
                    // Opaque black keeps a pixel; fully transparent marks it for editing.
                    data[4 * (y * width + x)] = (byte) (regenerate ? 0 : 255);
                }
            }
        }
        return out;
    }

    /**
     * A provider's picture mapped back: scaled to this canvas if the provider answered another size,
     * cropped to the content, scaled to the source grid, and read as stored values through
     * {@code rendering}. A grayscale source takes the picture's luma. Only its display levels are
     * kept, a byte per sample; values are computed as the compositor reads them.
     */
    Planes restore(BufferedImage generated, Rendering rendering, int sourceColumns, int sourceRows, int samples,
            double minValue, double maxValue) {
        BufferedImage onCanvas = generated.getWidth() == width && generated.getHeight() == height
                ? generated : resize(generated, width, height);
        BufferedImage content = onCanvas.getSubimage(contentX, contentY, contentWidth, contentHeight);
        BufferedImage back = resize(content, sourceColumns, sourceRows);
        byte[][] levels = new byte[samples][sourceColumns * sourceRows];
        int[] pixels = ((DataBufferInt) back.getRaster().getDataBuffer()).getData();
        for (int p = 0; p < sourceColumns * sourceRows; p++) {
            int rgb = pixels[p];
            int r = rgb >> 16 & 0xFF;
            int g = rgb >> 8 & 0xFF;
            int b = rgb & 0xFF;
            if (samples == 1) {
                levels[0][p] = (byte) Math.round(0.299 * r + 0.587 * g + 0.114 * b);
            } else {
                levels[0][p] = (byte) r;
                levels[1][p] = (byte) g;
                levels[2][p] = (byte) b;
            }
        }
        return new Restored(sourceColumns, sourceRows, levels, rendering, minValue, maxValue);
    }

    /** A provider's picture on the source grid: display levels, read as stored values through the rendering. */
    private record Restored(int columns, int rows, byte[][] levels, Rendering rendering, double minValue,
            double maxValue) implements Planes {

        @Override
        public int channels() {
            return levels.length;
        }

        @Override
        public double value(int channel, int pixel) {
            return rendering.toStored(levels[channel][pixel] & 0xFF);
        }
    }

    private BufferedImage place(BufferedImage source, int type) {
        BufferedImage out = new BufferedImage(width, height, type);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(source, contentX, contentY, contentWidth, contentHeight, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    /** {@code source} scaled to {@code width} x {@code height} as a new INT_RGB picture of its own, always a copy. */
    private static BufferedImage resize(BufferedImage source, int width, int height) {
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(source, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return out;
    }
}
