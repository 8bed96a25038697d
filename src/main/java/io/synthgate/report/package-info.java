/**
 * Experiment reports in the seed paper's layout: a figure grid (one row per prompt or source image
 * with its candidates), a per-candidate CSV, a summary by body part and operation, and an HTML page
 * that puts them together.
 */
package io.synthgate.report;
