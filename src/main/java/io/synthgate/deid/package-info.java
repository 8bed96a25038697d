/**
 * De-identification before any pixel or attribute leaves the source: the PS3.15 Basic Application
 * Level Confidentiality Profile (PixelMed's implementation) with configurable options, keyed
 * pseudonyms and UIDs (HMAC-SHA256, key from configuration), one date shift per patient, the
 * re-identification table in the database, and the burned-in-text rule for external generators.
 */
package io.synthgate.deid;
