/**
 * Masking steps: collecting the regions drawn in a study's stored sources (overlay planes,
 * segmentations) before de-identification removes them, and laying an experiment's mask over each
 * image, on a grown canvas for outpainting.
 */
package io.synthgate.masking;
