package io.synthgate.mask;

/**
 * The regions drawn on one image that a mask spec may name: in its source ({@code overlay 6000},
 * {@code segment 1}) or by a researcher ({@code expert}). Each lookup either gives the region or fails with a message that says what the
 * image has instead.
 */
public interface ImageRegions {

    /** For a route that did not collect the study's drawn regions: every lookup says how to collect them. */
    ImageRegions NOT_COLLECTED = new ImageRegions() {
        @Override
        public DrawnRegion overlay(int group) {
            throw notCollected("overlay " + Integer.toHexString(group));
        }

        @Override
        public DrawnRegion segment(String numberOrLabel) {
            throw notCollected("segment " + numberOrLabel);
        }

        @Override
        public DrawnRegion expert() {
            throw new IllegalArgumentException("Mask 'expert' is drawn by a researcher while the job waits, which this"
                    + " route does not do: call bean expertMaskStep after selectStep");
        }

        private IllegalArgumentException notCollected(String spec) {
            return new IllegalArgumentException("Mask '" + spec + "' reads regions drawn in the study, which this route"
                    + " does not collect: call bean drawnRegionsStep before deidStep");
        }
    };

    /** The ROI overlay plane of group {@code group} (0x6000 to 0x601E). */
    DrawnRegion overlay(int group);

    /**
     * The segment with this number or label (ignoring case) of every segmentation in the study that
     * covers this image, as one region.
     */
    DrawnRegion segment(String numberOrLabel);

    /** The mask a researcher drew or uploaded for this image, in the version the job goes on with. */
    DrawnRegion expert();
}
