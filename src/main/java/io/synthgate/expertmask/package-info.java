/**
 * Masks drawn by researchers (mask {@code expert}): a job whose experiment asks for one waits in
 * AWAITING_MASK with its images de-identified for drawing; each image's mask is drawn in the admin
 * pages or uploaded as a segmentation or an overlay, kept in versions, and the latest version of each
 * is used for every candidate once a researcher sends the job on.
 */
package io.synthgate.expertmask;
