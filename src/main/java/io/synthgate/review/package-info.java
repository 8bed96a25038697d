/**
 * Radiologist quality control: an experiment may hold its candidates for review; a reviewer
 * approves or rejects each through the REST API; only approved candidates are exported, and every
 * decision is kept with who made it and when.
 */
package io.synthgate.review;
