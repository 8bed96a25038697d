/**
 * Pixel I/O: stored samples and their layout (any bit depth, signedness, photometric), numeric planes
 * for generators, native pixel data transcoding, display windows, fidelity figures and the hashes
 * that trace a result to its inputs. Images of particular objects are built on this in {@code image}.
 */
package io.synthgate.pixels;
