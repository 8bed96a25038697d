package io.synthgate.report;

import io.synthgate.wrap.SyntheticFiles;
import jakarta.enterprise.context.ApplicationScoped;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.imageio.ImageIO;

/**
 * Draws a report's figure in the paper's layout: one row per prompt or source image, its label on
 * the left; for inpainting the original and the masked input first, then every candidate with its
 * seed. A row without images shows its outcome (REFUSED, FILTERED, ...) in place of pictures.
 */
@ApplicationScoped
public class FigureRenderer {

    static final int MAX_ROWS = 40;
    private static final int TILE = 192;
    private static final int LABEL = 170;
    private static final int CAPTION = 18;
    private static final int GAP = 6;
    private static final Color MASK = new Color(255, 60, 60, 110);

    private final SyntheticFiles files;

    public FigureRenderer(SyntheticFiles files) {
        this.files = files;
    }

    public byte[] png(Report report) throws IOException {
        List<Report.Row> rows = report.rows().subList(0, Math.min(MAX_ROWS, report.rows().size()));
        int columns = 1;
        for (Report.Row row : rows) {
            columns = Math.max(columns, row.candidates().size() + (row.original().isPresent() ? 2 : 0));
        }
        int width = LABEL + columns * (TILE + GAP) + GAP;
        int height = GAP + rows.size() * (TILE + CAPTION + GAP);
        BufferedImage figure = new BufferedImage(width, Math.max(height, TILE), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = figure.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, figure.getWidth(), figure.getHeight());
            int y = GAP;
            for (Report.Row row : rows) {
                g.setColor(Color.BLACK);
                g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
                g.drawString(row.label(), GAP, y + TILE / 2);
                int x = LABEL;
                for (Tile tile : tiles(row)) {
                    draw(g, tile, x, y);
                    x += TILE + GAP;
                }
                y += TILE + CAPTION + GAP;
            }
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(figure, "png", png);
        return png.toByteArray();
    }

    /** A picture with a caption; no picture stands for a row without images. */
    private record Tile(Optional<BufferedImage> picture, Optional<boolean[][]> mask, String caption) {
    }

    private List<Tile> tiles(Report.Row row) throws IOException {
        List<Tile> tiles = new ArrayList<>();
        List<Tile> candidates = new ArrayList<>();
        Optional<boolean[][]> mask = Optional.empty();
        Optional<int[]> sourceRegion = Optional.empty();
        for (Report.Candidate candidate : row.candidates()) {
            if (!Files.isRegularFile(candidate.file())) {
                continue;
            }
            SyntheticFiles.Picture object = files.read(candidate.file());
            if (candidates.isEmpty()) {
                mask = object.mask();
                sourceRegion = object.sourceRegion();
            }
            candidates.add(new Tile(Optional.of(object.image()), Optional.empty(),
                    (candidate.seed() == null ? "#" + (candidate.index() + 1) : "seed " + candidate.seed())
                            + ("REJECTED".equals(candidate.verdict()) ? " (rejected)" : "")));
        }
        if (row.original().isPresent()) {
            BufferedImage original = files.picture(row.original().get());
            tiles.add(new Tile(Optional.of(original), Optional.empty(), "original"));
            BufferedImage input = sourceRegion.isPresent() ? onGrownCanvas(original, sourceRegion.get(), mask) : original;
            tiles.add(new Tile(Optional.of(input), mask, "masked input"));
        }
        tiles.addAll(candidates);
        if (tiles.isEmpty()) {
            tiles.add(new Tile(Optional.empty(), Optional.empty(), row.candidates().isEmpty() ? String.valueOf(row.outcome())
                    : "images removed by retention"));
        }
        return tiles;
    }

    /** The original where it lies on an outpainted candidate's grown canvas, the size of the candidate's mask. */
    private static BufferedImage onGrownCanvas(BufferedImage original, int[] region, Optional<boolean[][]> mask) {
        int rows = mask.map(m -> m.length).orElse(region[1] + region[3]);
        int columns = mask.map(m -> m[0].length).orElse(region[0] + region[2]);
        BufferedImage canvas = new BufferedImage(columns, rows, original.getType() == 0 ? BufferedImage.TYPE_INT_RGB
                : original.getType());
        Graphics2D g = canvas.createGraphics();
        g.drawImage(original, region[0], region[1], region[2], region[3], null);
        g.dispose();
        return canvas;
    }

    private static void draw(Graphics2D g, Tile tile, int x, int y) {
        if (tile.picture().isPresent()) {
            BufferedImage picture = tile.picture().get();
            double scale = Math.min((double) TILE / picture.getWidth(), (double) TILE / picture.getHeight());
            int w = (int) Math.round(picture.getWidth() * scale);
            int h = (int) Math.round(picture.getHeight() * scale);
            int left = x + (TILE - w) / 2;
            int top = y + (TILE - h) / 2;
            g.setColor(Color.BLACK);
            g.fillRect(x, y, TILE, TILE);
            g.drawImage(picture, left, top, w, h, null);
            if (tile.mask().isPresent()) {
                boolean[][] mask = tile.mask().get();
                g.setColor(MASK);
                for (int row = 0; row < mask.length; row++) {
                    for (int column = 0; column < mask[row].length; column++) {
                        if (mask[row][column]) {
                            g.fillRect(left + (int) (column * scale), top + (int) (row * scale),
                                    Math.max(1, (int) Math.ceil(scale)), Math.max(1, (int) Math.ceil(scale)));
                        }
                    }
                }
            }
        } else {
            g.setColor(new Color(230, 230, 230));
            g.fillRect(x, y, TILE, TILE);
            g.setColor(new Color(160, 0, 0));
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 18));
            g.drawString(tile.caption(), x + 12, y + TILE / 2);
        }
        g.setColor(Color.DARK_GRAY);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.drawString(tile.caption(), x, y + TILE + CAPTION - 5);
    }
}
