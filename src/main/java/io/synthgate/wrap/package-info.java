/**
 * Wrapping: every generated image becomes a new Secondary Capture object that says, in several
 * machine-readable ways, that it is synthetic (docs: shared synthetic-dicom spec). PixelMed is used
 * here only to build and write the data set.
 */
package io.synthgate.wrap;
