/**
 * Text-to-image runs, the first experiment of the seed paper: started from the REST API, one job per
 * body part, every candidate of every prompt kept, refusals recorded with the provider's reason.
 */
package io.synthgate.txt2img;
