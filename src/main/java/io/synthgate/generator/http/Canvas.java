package io.synthgate.generator.http;

import io.synthgate.image.Rendering;
import io.synthgate.image.SourceImage;
import io.synthgate.mask.Mask;
import io.synthgate.pixels.Planes;
import io.synthgate.pixels.StoredSamples;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.util.Arrays;

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
     * provider too). Each picture pixel of the content is the bilinear blend of the display levels of
     * the four source pixels around its centre; the source is read where the picture needs it, never
     * rendered whole.
     */
    BufferedImage render(Planes image, Rendering rendering) {
        Axis across = Axis.resampling(contentWidth, 0, image.columns(), 0, image.columns() - 1);
        Axis down = Axis.resampling(contentHeight, 0, image.rows(), 0, image.rows() - 1);
        int channels = image.channels();
        boolean gray = channels == 1;
        BufferedImage out = blank(gray);
        byte[] data = ((DataBufferByte) out.getRaster().getDataBuffer()).getData();
        DisplayRows rows = new DisplayRows(image, rendering);
        for (int y = 0; y < contentHeight; y++) {
            int[] upperRow = rows.levels(down.low()[y]);
            int[] lowerRow = rows.levels(down.high()[y]);
            double fy = down.weight()[y];
            for (int x = 0; x < contentWidth; x++) {
                int left = across.low()[x] * channels;
                int right = across.high()[x] * channels;
                double fx = across.weight()[x];
                int at = (contentY + y) * width + contentX + x;
                for (int channel = 0; channel < channels; channel++) {
                    byte level = (byte) Math.round(bilinear(upperRow[left + channel], upperRow[right + channel],
                            lowerRow[left + channel], lowerRow[right + channel], fx, fy));
                    if (gray) {
                        data[at] = level;
                    } else {
                        // ABGR: alpha first, then blue, green, red.
                        data[4 * at + 3 - channel] = level;
                    }
                }
            }
        }
        return out;
    }

    /**
     * Display levels of source rows, the last two kept: a picture row blends two neighbouring source
     * rows, and when the picture is larger than the source, successive picture rows blend the same
     * ones, so each source row is windowed about once.
     */
    private static final class DisplayRows {

        private final Planes image;
        private final Rendering rendering;
        /** For a source's stored samples, every level by the sample's stored bits; null for other planes. */
        private final int[] levelsByStoredBits;
        private final int[][] levels;
        private final int[] rowOf = {-1, -1};

        DisplayRows(Planes image, Rendering rendering) {
            this.image = image;
            this.rendering = rendering;
            this.levelsByStoredBits = image instanceof SourceImage source ? rendering.levelsByStoredBits(source.layout()) : null;
            this.levels = new int[2][image.columns() * image.channels()];
        }

        /** Levels of source row {@code row}, channel by channel for each pixel. */
        int[] levels(int row) {
            // Neighbouring rows differ in parity, so the two rows one picture row needs never share a slot.
            int slot = row & 1;
            if (rowOf[slot] != row) {
                int[] into = levels[slot];
                if (levelsByStoredBits != null) {
                    SourceImage source = (SourceImage) image;
                    StoredSamples.bits(source.storedSamples(), source.layout(), row * into.length, into.length, into);
                    for (int i = 0; i < into.length; i++) {
                        into[i] = levelsByStoredBits[into[i]];
                    }
                } else {
                    int channels = image.channels();
                    int first = row * image.columns();
                    for (int column = 0; column < image.columns(); column++) {
                        for (int channel = 0; channel < channels; channel++) {
                            into[column * channels + channel] = rendering.toDisplay(image.value(channel, first + column));
                        }
                    }
                }
                rowOf[slot] = row;
            }
            return levels[slot];
        }
    }

    /**
     * The mask as the provider reads it. Scaling is conservative: a picture pixel is marked when any
     * masked source pixel falls within it, so the provider regenerates at least the whole mask. Only
     * masked pixels are visited, each marking the picture pixels it falls within.
     */
    BufferedImage render(Mask mask, MaskPolarity polarity) {
        int[][] across = covering(mask.columns(), contentWidth);
        int[][] down = covering(mask.rows(), contentHeight);
        boolean white = polarity == MaskPolarity.WHITE_REGENERATES;
        // Black keeps a pixel; in RGBA, opaque black keeps it and full transparency marks it for editing.
        BufferedImage out = blank(white);
        byte[] data = ((DataBufferByte) out.getRaster().getDataBuffer()).getData();
        for (int p = mask.nextSet(0); p >= 0; p = mask.nextSet(p + 1)) {
            int column = p % mask.columns();
            int row = p / mask.columns();
            for (int y = down[0][row]; y <= down[1][row]; y++) {
                for (int x = across[0][column]; x <= across[1][column]; x++) {
                    int at = (contentY + y) * width + contentX + x;
                    if (white) {
                        data[at] = (byte) 255;
                    } else {
                        data[4 * at] = 0;
                    }
                }
            }
        }
        return out;
    }

    /** A black picture of the canvas's size: 8-bit grayscale, or opaque 8-bit RGBA. */
    private BufferedImage blank(boolean gray) {
        BufferedImage out = new BufferedImage(width, height, gray ? BufferedImage.TYPE_BYTE_GRAY
                : BufferedImage.TYPE_4BYTE_ABGR);
        if (!gray) {
            byte[] abgr = ((DataBufferByte) out.getRaster().getDataBuffer()).getData();
            for (int i = 0; i < abgr.length; i += 4) {
                abgr[i] = (byte) 0xFF;
            }
        }
        return out;
    }

    /**
     * For each of {@code sourceLength} source pixels along one axis, the first and last of the
     * {@code contentLength} picture pixels it falls within (rows 0 and 1 of the answer).
     */
    private static int[][] covering(int sourceLength, int contentLength) {
        int[][] span = new int[2][sourceLength];
        Arrays.fill(span[0], Integer.MAX_VALUE);
        Arrays.fill(span[1], -1);
        for (int picture = 0; picture < contentLength; picture++) {
            int from = (int) Math.floor((double) picture * sourceLength / contentLength);
            int to = Math.min(sourceLength, (int) Math.ceil((double) (picture + 1) * sourceLength / contentLength));
            for (int source = from; source < to; source++) {
                span[0][source] = Math.min(span[0][source], picture);
                span[1][source] = Math.max(span[1][source], picture);
            }
        }
        return span;
    }

    /**
     * A provider's picture mapped back onto the source grid and read as stored values through
     * {@code rendering}: the picture (of this canvas's size or another) is sampled bilinearly at each
     * source pixel's centre, within the content, so padding never bleeds in. A grayscale source takes
     * the picture's luma. Nothing is resampled ahead: a value is computed when read, so mapping back
     * costs in proportion to the pixels read (the compositor reads only masked ones), not to the
     * source's size.
     */
    Planes restore(BufferedImage generated, Rendering rendering, int sourceColumns, int sourceRows, int samples,
            double minValue, double maxValue) {
        int pictureWidth = generated.getWidth();
        int pictureHeight = generated.getHeight();
        return new Restored(sourceColumns, sourceRows, samples, rgb(generated), pictureWidth,
                content(sourceColumns, contentX, contentWidth, (double) pictureWidth / width, pictureWidth),
                content(sourceRows, contentY, contentHeight, (double) pictureHeight / height, pictureHeight),
                rendering, minValue, maxValue);
    }

    /** The source's pixels along one axis of the provider's picture, kept within the content. */
    private static Axis content(int sourceLength, int contentStart, int contentLength, double toPicture,
            int pictureLength) {
        int first = Math.max(0, (int) Math.floor(contentStart * toPicture));
        int last = Math.min(pictureLength - 1,
                Math.max(first, (int) Math.ceil((contentStart + contentLength) * toPicture) - 1));
        return Axis.resampling(sourceLength, contentStart * toPicture, contentLength * toPicture, first, last);
    }

    /**
     * Where each pixel of one grid falls in another along one axis, centre on centre: the two pixels
     * of the other grid around it and the weight of the second, for bilinear sampling.
     */
    private record Axis(int[] low, int[] high, double[] weight) {

        /**
         * The axis of {@code targetLength} pixels spanning {@code length} pixels of another grid from
         * {@code start}, its positions kept within that grid's pixels {@code first} to {@code last}.
         */
        static Axis resampling(int targetLength, double start, double length, int first, int last) {
            int[] low = new int[targetLength];
            int[] high = new int[targetLength];
            double[] weight = new double[targetLength];
            for (int i = 0; i < targetLength; i++) {
                double position = Math.max(first, Math.min(last, start + (i + 0.5) * length / targetLength - 0.5));
                low[i] = (int) Math.floor(position);
                high[i] = Math.min(last, low[i] + 1);
                weight[i] = position - low[i];
            }
            return new Axis(low, high, weight);
        }
    }

    /** The blend of four neighbouring values, {@code fx} of the way right and {@code fy} of the way down. */
    private static double bilinear(double topLeft, double topRight, double bottomLeft, double bottomRight, double fx,
            double fy) {
        double upper = topLeft * (1 - fx) + topRight * fx;
        double lower = bottomLeft * (1 - fx) + bottomRight * fx;
        return upper * (1 - fy) + lower * fy;
    }

    /** A provider's picture on the source grid, read as stored values through the rendering. */
    private record Restored(int columns, int rows, int channels, int[] picture, int pictureWidth, Axis across,
            Axis down, Rendering rendering, double minValue, double maxValue) implements Planes {

        @Override
        public double value(int channel, int pixel) {
            int x = pixel % columns;
            int y = pixel / columns;
            int top = down.low()[y] * pictureWidth;
            int bottom = down.high()[y] * pictureWidth;
            long display = Math.round(bilinear(level(channel, picture[top + across.low()[x]]),
                    level(channel, picture[top + across.high()[x]]), level(channel, picture[bottom + across.low()[x]]),
                    level(channel, picture[bottom + across.high()[x]]), across.weight()[x], down.weight()[y]));
            return rendering.toStored((int) Math.max(0, Math.min(255, display)));
        }

        private double level(int channel, int rgb) {
            int r = rgb >> 16 & 0xFF;
            int g = rgb >> 8 & 0xFF;
            int b = rgb & 0xFF;
            if (channels == 1) {
                return 0.299 * r + 0.587 * g + 0.114 * b;
            }
            return channel == 0 ? r : channel == 1 ? g : b;
        }
    }

    /**
     * The picture's pixels as packed RGB, converted by Java2D as it draws (so a grayscale PNG's levels
     * stay the same levels).
     */
    private static int[] rgb(BufferedImage picture) {
        BufferedImage packed = new BufferedImage(picture.getWidth(), picture.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = packed.createGraphics();
        try {
            g.drawImage(picture, 0, 0, null);
        } finally {
            g.dispose();
        }
        return ((DataBufferInt) packed.getRaster().getDataBuffer()).getData();
    }
}
