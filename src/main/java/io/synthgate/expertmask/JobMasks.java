package io.synthgate.expertmask;

import io.synthgate.job.JobState;
import java.util.List;
import java.util.UUID;

/**
 * A job's images that take expert masks, and where it stands.
 *
 * @param jobId the job
 * @param state its state; masks are drawn while it is AWAITING_MASK
 * @param images its images in order
 */
public record JobMasks(UUID jobId, JobState state, List<MaskImageView> images) {

    public JobMasks {
        images = List.copyOf(images);
    }

    /** Whether masks may be drawn now. */
    public boolean open() {
        return state == JobState.AWAITING_MASK;
    }

    /** How many images have a mask. */
    public long drawn() {
        return images.stream().filter(image -> image.latest() != null).count();
    }

    /** Whether every image has a mask, so the job may be sent on. */
    public boolean complete() {
        return !images.isEmpty() && drawn() == images.size();
    }
}
