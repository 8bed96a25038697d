/**
 * Pixels: decoding a stored object into its raw samples (PixelMed at this edge), handing generators
 * numeric planes, and compositing a generator's result back so that every unmasked sample is the
 * source's own, bit for bit.
 */
package io.synthgate.pixels;
