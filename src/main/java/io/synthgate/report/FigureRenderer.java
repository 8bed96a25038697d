package io.synthgate.report;

import io.synthgate.pixels.PixelBox;
import io.synthgate.wrap.ReviewPictures;
import io.synthgate.wrap.SyntheticFiles;
import jakarta.enterprise.context.ApplicationScoped;
import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Draws a report's figure in the paper's layout, page by page: one row per prompt or source image, its
 * label on the left; for inpainting the original and the masked input first, then every candidate with
 * its seed and its radiologist's verdict and grade. Every picture is shown as a viewer shows it, never
 * stretched to its own values: an inpainting row in its source's first window preset (or the source's
 * full range), the original and every candidate alike, so what differs between them is the pixels; a
 * text-to-image candidate in its own preset, or its whole stored range. Tiles are 512 pixels on the
 * long side. A row without images shows its outcome and the provider's reason in their place.
 */
@ApplicationScoped
public class FigureRenderer {

    /** Rows per page: a page of 512-pixel tiles stays within a printed page and a few tens of MB. */
    private static final int ROWS_PER_PAGE = 8;
    private static final int TILE = 512;
    private static final int LABEL = 300;
    private static final int CAPTION = 70;
    private static final int GAP = 16;
    private static final int TEXT = 26;
    private static final Color MASK = new Color(255, 60, 60);
    private static final Color INK = new Color(34, 34, 34);
    private static final Color MUTED = new Color(90, 90, 90);
    private static final Color REFUSED = new Color(160, 0, 0);
    private static final Color EMPTY = new Color(232, 232, 232);

    private final SyntheticFiles files;
    private final ReviewPictures pictures;

    public FigureRenderer(SyntheticFiles files, ReviewPictures pictures) {
        this.files = files;
        this.pictures = pictures;
    }

    /** How many pages the report's figure has: at least one. */
    public static int pages(Report report) {
        return Math.max(1, (report.rows().size() + ROWS_PER_PAGE - 1) / ROWS_PER_PAGE);
    }

    /** Page {@code page} (from 1) as a PNG that declares 300 dpi. */
    public byte[] png(Report report, int page) throws IOException {
        return FigureFormats.png(layout(report, page));
    }

    /** Page {@code page} (from 1) as SVG, in the PNG's layout. */
    public String svg(Report report, int page) throws IOException {
        return FigureFormats.svg(layout(report, page));
    }

    /**
     * A candidate at its own full resolution, in the window its figure row uses: its source's first
     * preset (or full range) when its source is kept, else its own preset or whole stored range.
     */
    public BufferedImage atFullResolution(Path candidate) throws IOException {
        Optional<Path> source = files.header(candidate).source();
        ReviewPictures.Window window = source.isPresent() ? pictures.windows(source.get()).get(0)
                : pictures.ownWindow(candidate);
        return pictures.render(candidate, window);
    }

    private FigureLayout layout(Report report, int page) throws IOException {
        if (page < 1 || page > pages(report)) {
            throw new IllegalArgumentException("The figure has pages 1 to " + pages(report) + ", not " + page);
        }
        int from = (page - 1) * ROWS_PER_PAGE;
        List<Report.Row> rows = report.rows().subList(from, Math.min(report.rows().size(), from + ROWS_PER_PAGE));
        List<List<Tile>> tiled = new ArrayList<>();
        int columns = 1;
        for (Report.Row row : rows) {
            List<Tile> tiles = tiles(row);
            tiled.add(tiles);
            columns = Math.max(columns, tiles.size());
        }
        int width = LABEL + columns * (TILE + GAP) + GAP;
        int height = GAP + rows.size() * (TILE + CAPTION + GAP);
        List<FigureLayout.Element> elements = new ArrayList<>();
        elements.add(new FigureLayout.Box(0, 0, width, height, Color.WHITE));
        int y = GAP;
        for (int r = 0; r < rows.size(); r++) {
            Report.Row row = rows.get(r);
            List<String> label = wrap(row.label(), LABEL - 2 * GAP, 30, true);
            for (int line = 0; line < Math.min(3, label.size()); line++) {
                elements.add(new FigureLayout.Text(GAP, y + TILE / 2 + line * 36, label.get(line), 30, true, INK));
            }
            int x = LABEL;
            for (Tile tile : tiled.get(r)) {
                place(elements, tile, x, y);
                x += TILE + GAP;
            }
            y += TILE + CAPTION + GAP;
        }
        return new FigureLayout(width, height, elements);
    }

    /** A picture scaled into its tile, with up to two caption lines; no picture: a message in its place. */
    private record Tile(Optional<BufferedImage> picture, String description, List<String> caption, List<String> message) {
    }

    private List<Tile> tiles(Report.Row row) throws IOException {
        List<Tile> tiles = new ArrayList<>();
        List<Report.Candidate> kept = row.candidates().stream().filter(c -> Files.isRegularFile(c.file())).toList();
        Optional<Path> original = row.original().filter(Files::isRegularFile);
        if (original.isPresent()) {
            ReviewPictures.Window window = pictures.windows(original.get()).get(0);
            BufferedImage source = pictures.render(original.get(), window);
            tiles.add(new Tile(Optional.of(fit(source, Optional.empty())), "original",
                    List.of("original", window.label()), List.of()));
            SyntheticFiles.Regions regions = kept.isEmpty() ? SyntheticFiles.Regions.NONE : files.regions(kept.get(0).file());
            BufferedImage input = regions.sourceRegion().isPresent()
                    ? onGrownCanvas(source, regions.sourceRegion().get(), regions.mask()) : source;
            tiles.add(new Tile(Optional.of(fit(input, regions.mask())), "masked input", List.of("masked input"), List.of()));
            for (Report.Candidate candidate : kept) {
                addCandidate(tiles, candidate, pictures.render(candidate.file(), window));
            }
        } else {
            for (Report.Candidate candidate : kept) {
                ReviewPictures.Window own = pictures.ownWindow(candidate.file());
                addCandidate(tiles, candidate, pictures.render(candidate.file(), own));
            }
        }
        if (tiles.isEmpty()) {
            List<String> message = new ArrayList<>();
            if (row.candidates().isEmpty()) {
                message.add(String.valueOf(row.outcome()));
                if (row.detail() != null && !row.detail().isBlank()) {
                    message.addAll(wrap(row.detail(), TILE - 2 * GAP, TEXT, false));
                }
            } else {
                message.add("images removed by retention");
            }
            tiles.add(new Tile(Optional.empty(), message.get(0), List.of(), message));
        }
        return tiles;
    }

    /**
     * A candidate's tile, after a tile for each intermediate stage of its outpainting: a crop of the
     * candidate itself, since outside each step's new border its pixels are the previous stage's.
     */
    private void addCandidate(List<Tile> tiles, Report.Candidate candidate, BufferedImage picture) throws IOException {
        List<PixelBox> stages = files.regions(candidate.file()).stages();
        int steps = stages.size() - 1;
        for (int step = 1; step < steps; step++) {
            PixelBox box = stages.get(step);
            if (box.column() + box.width() <= picture.getWidth() && box.row() + box.height() <= picture.getHeight()) {
                BufferedImage crop = picture.getSubimage(box.column(), box.row(), box.width(), box.height());
                tiles.add(new Tile(Optional.of(fit(crop, Optional.empty())), "outpainting step " + step + " of " + steps,
                        List.of("step " + step + " of " + steps), List.of()));
            }
        }
        tiles.add(candidateTile(candidate, picture));
    }

    private Tile candidateTile(Report.Candidate candidate, BufferedImage picture) {
        String name = candidate.seed() == null ? "#" + (candidate.index() + 1) : "seed " + candidate.seed();
        List<String> caption = new ArrayList<>(List.of(name));
        if (candidate.verdict() != null) {
            caption.add(candidate.verdict().toLowerCase(Locale.ROOT)
                    + (candidate.grade() == null ? "" : ", grade " + candidate.gradeText() + " of 5"));
        }
        return new Tile(Optional.of(fit(picture, Optional.empty())), "candidate " + name, caption, List.of());
    }

    private static void place(List<FigureLayout.Element> elements, Tile tile, int x, int y) {
        if (tile.picture().isPresent()) {
            BufferedImage picture = tile.picture().get();
            elements.add(new FigureLayout.Box(x, y, TILE, TILE, Color.BLACK));
            elements.add(new FigureLayout.Picture(x + (TILE - picture.getWidth()) / 2, y + (TILE - picture.getHeight()) / 2,
                    picture, tile.description()));
        } else {
            elements.add(new FigureLayout.Box(x, y, TILE, TILE, EMPTY));
            for (int line = 0; line < Math.min(12, tile.message().size()); line++) {
                boolean first = line == 0;
                elements.add(new FigureLayout.Text(x + GAP, y + 2 * GAP + TEXT + line * (TEXT + 8) + (first ? 0 : 12),
                        tile.message().get(line), first ? 34 : TEXT, first, REFUSED));
            }
        }
        for (int line = 0; line < Math.min(2, tile.caption().size()); line++) {
            elements.add(new FigureLayout.Text(x, y + TILE + 28 + line * 32, tile.caption().get(line), TEXT, false,
                    line == 0 ? INK : MUTED));
        }
    }

    /**
     * The picture scaled to 512 pixels on its long side, the mask tinted red over it: smoothly when
     * shrunk, pixel by pixel when enlarged, so a small image is not blurred into seeming detail.
     */
    private static BufferedImage fit(BufferedImage picture, Optional<boolean[][]> mask) {
        double scale = Math.min((double) TILE / picture.getWidth(), (double) TILE / picture.getHeight());
        int w = Math.max(1, (int) Math.round(picture.getWidth() * scale));
        int h = Math.max(1, (int) Math.round(picture.getHeight() * scale));
        BufferedImage tile = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = tile.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, scale < 1 ? RenderingHints.VALUE_INTERPOLATION_BILINEAR
                : RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
        g.drawImage(picture, 0, 0, w, h, null);
        g.dispose();
        mask.filter(m -> m.length == picture.getHeight() && m[0].length == picture.getWidth())
                .ifPresent(m -> tint(tile, m, scale));
        return tile;
    }

    private static void tint(BufferedImage tile, boolean[][] mask, double scale) {
        for (int y = 0; y < tile.getHeight(); y++) {
            for (int x = 0; x < tile.getWidth(); x++) {
                int row = Math.min(mask.length - 1, (int) (y / scale));
                int column = Math.min(mask[0].length - 1, (int) (x / scale));
                if (mask[row][column]) {
                    int rgb = tile.getRGB(x, y);
                    int gray = ((rgb >> 16 & 0xFF) + (rgb >> 8 & 0xFF) + (rgb & 0xFF)) / 3;
                    int red = (int) (gray * 0.55 + MASK.getRed() * 0.45);
                    int green = (int) (gray * 0.55 + MASK.getGreen() * 0.45);
                    int blue = (int) (gray * 0.55 + MASK.getBlue() * 0.45);
                    tile.setRGB(x, y, red << 16 | green << 8 | blue);
                }
            }
        }
    }

    /** The original where it lies on an outpainted candidate's grown canvas, the size of the candidate's mask. */
    private static BufferedImage onGrownCanvas(BufferedImage original, int[] region, Optional<boolean[][]> mask) {
        int rows = mask.map(m -> m.length).orElse(region[1] + region[3]);
        int columns = mask.map(m -> m[0].length).orElse(region[0] + region[2]);
        BufferedImage canvas = new BufferedImage(columns, rows, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = canvas.createGraphics();
        g.drawImage(original, region[0], region[1], region[2], region[3], null);
        g.dispose();
        return canvas;
    }

    /** {@code text} broken into lines no wider than {@code width} pixels in the figure's font. */
    private static List<String> wrap(String text, int width, int size, boolean bold) {
        BufferedImage scratch = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = scratch.createGraphics();
        try {
            FontMetrics metrics = g.getFontMetrics(FigureFormats.font(size, bold));
            List<String> lines = new ArrayList<>();
            StringBuilder line = new StringBuilder();
            for (String word : text.strip().split("\\s+")) {
                String longer = line.isEmpty() ? word : line + " " + word;
                if (metrics.stringWidth(longer) <= width || line.isEmpty()) {
                    line.setLength(0);
                    line.append(longer);
                } else {
                    lines.add(line.toString());
                    line.setLength(0);
                    line.append(word);
                }
            }
            if (!line.isEmpty()) {
                lines.add(line.toString());
            }
            return lines;
        } finally {
            g.dispose();
        }
    }
}
