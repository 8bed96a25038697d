/**
 * DICOM identifiers and status codes shared by every feature: validated value types instead of
 * strings, and the deterministic UID derivation that keeps reprocessing idempotent. Nothing here
 * touches the network or a file.
 */
package io.synthgate.dicom;
