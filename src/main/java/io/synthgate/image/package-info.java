/**
 * Images of de-identified sources: decoding a de-identified object into a single image or a stack
 * read frame by frame (PixelMed, and DCMTK for what PixelMed cannot decode), rendering it to generator
 * space, compositing a generator's result back so every unmasked sample is the source's own, and
 * measuring the result against the source.
 */
package io.synthgate.image;
