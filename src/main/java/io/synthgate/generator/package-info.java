/**
 * Generators behind one port: a request (image planes, mask, prompt, seed) in, candidates and an
 * outcome out. The built-in classical inpainter is the default; HTTP adapters for diffusion models
 * implement the same interface.
 */
package io.synthgate.generator;
