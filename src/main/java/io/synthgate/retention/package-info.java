/**
 * Clinical data kept only as long as needed: a scheduled cleaner removes the received originals, the
 * de-identified copies and the synthetic copies of finished jobs, and records what it removed.
 */
package io.synthgate.retention;
