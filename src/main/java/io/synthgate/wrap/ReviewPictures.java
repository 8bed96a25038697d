package io.synthgate.wrap;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.display.ConsumerFormatImageMaker;
import com.pixelmed.display.SourceImage;
import io.synthgate.deid.OutputSeal;
import jakarta.enterprise.context.ApplicationScoped;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Pictures for the review worklist, rendered as a reading station would: the source's own window
 * presets (Window Center/Width, after Rescale Slope/Intercept), or its full range, applied alike to
 * the source and every candidate, so that what differs between them is the pixels and never the
 * display. MONOCHROME1 is shown inverted.
 */
@ApplicationScoped
public class ReviewPictures {


    /** A window in modality units, named as the source names it. */
    public record Window(String label, double center, double width) {
    }

    /** The source's window presets in the order stored, then its full range; only "as stored" for colour. */
    public List<Window> windows(Path source) throws IOException {
        return windows(read(source));
    }

    private static List<Window> windows(AttributeList list) throws IOException {
        List<Window> windows = new ArrayList<>();
        if (Attribute.getSingleIntegerValueOrDefault(list, TagFromName.SamplesPerPixel, 1) > 1) {
            windows.add(new Window("as stored", 0, 0));
            return windows;
        }
        double[] centers = Attribute.getDoubleValues(list, TagFromName.WindowCenter);
        double[] widths = Attribute.getDoubleValues(list, TagFromName.WindowWidth);
        String[] names = Attribute.getStringValues(list, TagFromName.WindowCenterWidthExplanation);
        for (int i = 0; centers != null && widths != null && i < Math.min(centers.length, widths.length); i++) {
            if (widths[i] >= 1) {
                String name = names != null && i < names.length && !names[i].isBlank() ? names[i].strip()
                        : "preset " + (i + 1);
                windows.add(new Window(name + " (" + format(centers[i]) + "/" + format(widths[i]) + ")", centers[i],
                        widths[i]));
            }
        }
        double[] range = range(list);
        windows.add(new Window("full range", (range[0] + range[1]) / 2, Math.max(1, range[1] - range[0])));
        return windows;
    }

    /**
     * The window a viewer opens {@code file} in: its first preset, or without one the whole stored range
     * (0 to 2^Bits Stored - 1, after Rescale Slope/Intercept), never a stretch of the values it happens
     * to hold; "as stored" for colour.
     */
    public Window ownWindow(Path file) throws IOException {
        AttributeList list = read(file);
        List<Window> windows = windows(list);
        if (windows.size() > 1 || windows.get(0).width() == 0) {
            return windows.get(0);
        }
        double slope = Attribute.getSingleDoubleValueOrDefault(list, TagFromName.RescaleSlope, 1);
        double intercept = Attribute.getSingleDoubleValueOrDefault(list, TagFromName.RescaleIntercept, 0);
        int bits = Attribute.getSingleIntegerValueOrDefault(list, TagFromName.BitsStored, 8);
        boolean signed = Attribute.getSingleIntegerValueOrDefault(list, TagFromName.PixelRepresentation, 0) == 1;
        double lowest = (signed ? -Math.pow(2, bits - 1) : 0) * slope + intercept;
        double highest = ((signed ? Math.pow(2, bits - 1) : Math.pow(2, bits)) - 1) * slope + intercept;
        double low = Math.min(lowest, highest);
        double high = Math.max(lowest, highest);
        return new Window("stored range (" + format((low + high) / 2) + "/" + format(high - low) + ")", (low + high) / 2,
                Math.max(1, high - low));
    }

    /** The first frame of {@code file} under {@code window}, as an 8-bit picture (colour as stored). */
    public BufferedImage render(Path file, Window window) throws IOException {
        AttributeList list = read(file);
        try {
            SourceImage image = new SourceImage(list);
            BufferedImage raw = image.getBufferedImage(0);
            if (raw.getRaster().getNumBands() != 1) {
                return ConsumerFormatImageMaker.makeEightBitImage(list);
            }
            double slope = Attribute.getSingleDoubleValueOrDefault(list, TagFromName.RescaleSlope, 1);
            double intercept = Attribute.getSingleDoubleValueOrDefault(list, TagFromName.RescaleIntercept, 0);
            double low = window.center() - window.width() / 2;
            int width = raw.getWidth();
            int height = raw.getHeight();
            int[] values = FirstFrame.values(image, raw);
            BufferedImage picture = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
            byte[] gray = ((DataBufferByte) picture.getRaster().getDataBuffer()).getData();
            for (int p = 0; p < values.length; p++) {
                double modality = values[p] * slope + intercept;
                int level = (int) Math.max(0, Math.min(255, Math.round((modality - low) / window.width() * 255)));
                gray[p] = (byte) (image.isInverted() ? 255 - level : level);
            }
            return picture;
        } catch (DicomException e) {
            throw new IOException(file.getFileName() + " cannot be rendered: " + e.getMessage(), e);
        }
    }

    /**
     * {@code picture} with the edge of {@code mask} drawn over it in yellow, so the reader sees where
     * the candidates were generated; unchanged when the mask has another size.
     */
    public BufferedImage outlined(BufferedImage picture, boolean[][] mask) {
        int width = picture.getWidth();
        int height = picture.getHeight();
        BufferedImage outlined = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        outlined.getGraphics().drawImage(picture, 0, 0, null);
        if (mask.length != height || mask[0].length != width) {
            return outlined;
        }
        int thickness = Math.max(1, Math.min(width, height) / 400);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                if (mask[y][x] && onEdge(mask, x, y, thickness)) {
                    outlined.setRGB(x, y, 0xFFD400);
                }
            }
        }
        return outlined;
    }

    private static boolean onEdge(boolean[][] mask, int x, int y, int thickness) {
        for (int d = 1; d <= thickness; d++) {
            if (!inside(mask, x - d, y) || !inside(mask, x + d, y) || !inside(mask, x, y - d) || !inside(mask, x, y + d)) {
                return true;
            }
        }
        return false;
    }

    private static boolean inside(boolean[][] mask, int x, int y) {
        return y >= 0 && y < mask.length && x >= 0 && x < mask[0].length && mask[y][x];
    }

    /** Lowest and highest modality value of the first frame, outside a burned-in label's box. */
    private static double[] range(AttributeList list) throws IOException {
        try {
            SourceImage image = new SourceImage(list);
            BufferedImage raw = image.getBufferedImage(0);
            double slope = Attribute.getSingleDoubleValueOrDefault(list, TagFromName.RescaleSlope, 1);
            double intercept = Attribute.getSingleDoubleValueOrDefault(list, TagFromName.RescaleIntercept, 0);
            int[] values = FirstFrame.values(image, raw);
            int[] box = Attribute.getIntegerValues(list, OutputSeal.LABEL_BOX);
            double low = Double.MAX_VALUE;
            double high = -Double.MAX_VALUE;
            for (int p = 0; p < values.length; p++) {
                int x = p % raw.getWidth();
                int y = p / raw.getWidth();
                if (box != null && box.length == 4 && x >= box[0] && x < box[0] + box[2] && y >= box[1] && y < box[1] + box[3]) {
                    continue;
                }
                double modality = values[p] * slope + intercept;
                low = Math.min(low, modality);
                high = Math.max(high, modality);
            }
            return new double[] {low, Math.max(high, low + 1)};
        } catch (DicomException e) {
            throw new IOException("The picture cannot be read: " + e.getMessage(), e);
        }
    }

    private static AttributeList read(Path file) throws IOException {
        AttributeList list = new AttributeList();
        try {
            list.read(file.toFile());
        } catch (DicomException e) {
            throw new IOException(file.getFileName() + " cannot be read: " + e.getMessage(), e);
        }
        return list;
    }

    private static String format(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
