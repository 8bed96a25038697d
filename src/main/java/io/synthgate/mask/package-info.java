/**
 * The mask language: which region of an image a generator may change. Specs are parsed and validated
 * once (at start-up for an experiment's), then rasterised against each image's geometry; 1 =
 * regenerate, 0 = keep. Regions drawn in a study (ROI overlays, segmentations) are values here too;
 * reading them from objects is {@code masking}'s.
 */
package io.synthgate.mask;
