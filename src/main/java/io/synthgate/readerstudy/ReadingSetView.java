package io.synthgate.readerstudy;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A reading set as the API and the pages show it.
 *
 * @param id its id
 * @param name what the admin called it
 * @param experiment the experiment its images come from
 * @param createdBy who built it
 * @param createdAt when
 * @param images images in it
 * @param real de-identified originals among them
 * @param synthetic synthetic candidates among them
 * @param readingsByReader answers given so far, by reader
 */
public record ReadingSetView(UUID id, String name, String experiment, String createdBy, Instant createdAt, int images,
        int real, int synthetic, Map<String, Long> readingsByReader) {

    public ReadingSetView {
        readingsByReader = Map.copyOf(readingsByReader);
    }
}
