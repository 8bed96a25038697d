package io.synthgate.readerstudy;

import java.util.UUID;

/**
 * The image a reader reads next: its id (which says nothing of it), its place in the reader's order,
 * and how many the set has.
 */
public record NextItem(UUID item, int position, int total) {
}
