package io.synthgate.readerstudy;

import io.synthgate.wrap.ReviewPictures;
import io.synthgate.wrap.SyntheticFiles;
import jakarta.enterprise.context.ApplicationScoped;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The pictures readers see: rendered here from the spool, never stored and never sent anywhere. An
 * original and its candidates are shown alike, in the original's first window preset (a text-to-image
 * candidate in its own), and a candidate's burned-in label is filled in ({@link LabelFill}), so the
 * picture carries no hint of its origin beyond the anatomy itself.
 */
@ApplicationScoped
public class ReadingCopies {

    private final ReviewPictures pictures;
    private final SyntheticFiles files;

    public ReadingCopies(ReviewPictures pictures, SyntheticFiles files) {
        this.pictures = pictures;
        this.files = files;
    }

    /** The item's reading copy; empty when retention has removed its file. */
    public Optional<BufferedImage> of(ReadingItemEntity item) throws IOException {
        Path file = Path.of(item.spoolPath);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Path windowFrom = Path.of(item.windowPath);
        boolean ofOriginal = item.truth == Origin.REAL || !windowFrom.equals(file);
        ReviewPictures.Window window = ofOriginal && Files.isRegularFile(windowFrom) ? pictures.windows(windowFrom).get(0)
                : pictures.ownWindow(file);
        BufferedImage picture = pictures.render(file, window);
        if (item.truth == Origin.SYNTHETIC) {
            files.regions(file).label().ifPresent(box -> LabelFill.fill(picture, box,
                    item.id.getMostSignificantBits()));
        }
        return Optional.of(picture);
    }
}
