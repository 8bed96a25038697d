/**
 * DICOM values shared by every feature: validated identifier types instead of strings, status codes,
 * the data set structure check, the deterministic UID derivation that keeps
 * reprocessing idempotent, and the selection language that matches instances by their attributes.
 */
package io.synthgate.dicom;
