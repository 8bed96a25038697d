package io.synthgate.expertmask;

import java.time.Instant;

/**
 * One version of an image's expert mask, as the API and the pages show it.
 *
 * @param version its number, from 1; the highest is the one a job goes on with
 * @param origin drawn, or from an uploaded segmentation or overlay
 * @param description what it is, in words
 * @param shapes the shapes it was drawn with, in the mask language; null for an upload
 * @param area the pixels it covers
 * @param drawnBy the signed-in user who drew or uploaded it
 * @param drawnAt when
 */
public record MaskVersionView(int version, MaskOrigin origin, String description, String shapes, int area,
        String drawnBy, Instant drawnAt) {

    static MaskVersionView of(ExpertMaskEntity row) {
        return new MaskVersionView(row.version, row.origin, row.description, row.shapes, row.area, row.drawnBy,
                row.drawnAt);
    }
}
