package io.synthgate.report;

import io.synthgate.image.PngImage;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Base64;
import java.util.Iterator;
import java.util.Locale;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;

/**
 * Writes a {@link FigureLayout} as a journal takes a figure: a PNG that declares 300 dpi, and an SVG
 * with the same layout, its text as text and each picture embedded as a lossless PNG.
 */
final class FigureFormats {

    static final int DPI = 300;

    private FigureFormats() {
    }

    static byte[] png(FigureLayout layout) throws IOException {
        BufferedImage figure = new BufferedImage(layout.width(), layout.height(), BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = figure.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            for (FigureLayout.Element element : layout.elements()) {
                if (element instanceof FigureLayout.Box box) {
                    g.setColor(box.color());
                    g.fillRect(box.x(), box.y(), box.width(), box.height());
                } else if (element instanceof FigureLayout.Picture picture) {
                    g.drawImage(picture.image(), picture.x(), picture.y(), null);
                } else if (element instanceof FigureLayout.Text text) {
                    g.setColor(text.color());
                    g.setFont(font(text.size(), text.bold()));
                    g.drawString(text.text(), text.x(), text.y());
                }
            }
        } finally {
            g.dispose();
        }
        return withResolution(figure);
    }

    static String svg(FigureLayout layout) throws IOException {
        StringBuilder svg = new StringBuilder();
        double inches = 1.0 / DPI;
        svg.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" ")
                .append("width=\"").append(String.format(Locale.ROOT, "%.3fin", layout.width() * inches))
                .append("\" height=\"").append(String.format(Locale.ROOT, "%.3fin", layout.height() * inches))
                .append("\" viewBox=\"0 0 ").append(layout.width()).append(' ').append(layout.height()).append("\">\n");
        for (FigureLayout.Element element : layout.elements()) {
            if (element instanceof FigureLayout.Box box) {
                svg.append("<rect x=\"").append(box.x()).append("\" y=\"").append(box.y())
                        .append("\" width=\"").append(box.width()).append("\" height=\"").append(box.height())
                        .append("\" fill=\"").append(hex(box.color())).append("\"/>\n");
            } else if (element instanceof FigureLayout.Picture picture) {
                byte[] png = PngImage.encode(picture.image());
                svg.append("<image x=\"").append(picture.x()).append("\" y=\"").append(picture.y())
                        .append("\" width=\"").append(picture.image().getWidth()).append("\" height=\"")
                        .append(picture.image().getHeight()).append("\" href=\"data:image/png;base64,")
                        .append(Base64.getEncoder().encodeToString(png)).append("\"><title>")
                        .append(escape(picture.description())).append("</title></image>\n");
            } else if (element instanceof FigureLayout.Text text) {
                svg.append("<text x=\"").append(text.x()).append("\" y=\"").append(text.y())
                        .append("\" font-family=\"sans-serif\" font-size=\"").append(text.size()).append('"')
                        .append(text.bold() ? " font-weight=\"bold\"" : "").append(" fill=\"").append(hex(text.color()))
                        .append("\">").append(escape(text.text())).append("</text>\n");
            }
        }
        return svg.append("</svg>\n").toString();
    }

    static Font font(int size, boolean bold) {
        return new Font(Font.SANS_SERIF, bold ? Font.BOLD : Font.PLAIN, size);
    }

    /** The PNG with its pHYs chunk saying 300 dpi, so layout programs place it at print size. */
    private static byte[] withResolution(BufferedImage figure) throws IOException {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("png");
        ImageWriter writer = writers.next();
        try {
            ImageWriteParam parameters = writer.getDefaultWriteParam();
            IIOMetadata metadata = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(figure),
                    parameters);
            // The PNG format's own pHYs chunk: the standard tree's pixel size is read inverted by the JDK's writer.
            String pixelsPerMetre = Long.toString(Math.round(DPI / 0.0254));
            IIOMetadataNode physical = new IIOMetadataNode("pHYs");
            physical.setAttribute("pixelsPerUnitXAxis", pixelsPerMetre);
            physical.setAttribute("pixelsPerUnitYAxis", pixelsPerMetre);
            physical.setAttribute("unitSpecifier", "meter");
            IIOMetadataNode root = new IIOMetadataNode("javax_imageio_png_1.0");
            root.appendChild(physical);
            metadata.mergeTree("javax_imageio_png_1.0", root);
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            try (ImageOutputStream out = ImageIO.createImageOutputStream(png)) {
                writer.setOutput(out);
                writer.write(null, new IIOImage(figure, null, metadata), parameters);
            }
            return png.toByteArray();
        } finally {
            writer.dispose();
        }
    }

    private static String hex(Color color) {
        return String.format("#%02x%02x%02x", color.getRed(), color.getGreen(), color.getBlue());
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
