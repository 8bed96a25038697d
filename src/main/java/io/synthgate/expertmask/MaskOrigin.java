package io.synthgate.expertmask;

/** Where a version of an expert mask came from. */
public enum MaskOrigin {
    /** Drawn in the admin pages or sent as shapes to the API. */
    DRAWN,
    /** A segment of an uploaded segmentation (SEG). */
    SEGMENTATION,
    /** An ROI overlay plane of an uploaded image. */
    OVERLAY
}
