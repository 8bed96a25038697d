/**
 * The mask language: which region of an image a generator may change. Specs are parsed and
 * validated once, then rasterised against each image's geometry; 1 = regenerate, 0 = keep.
 */
package io.synthgate.mask;
