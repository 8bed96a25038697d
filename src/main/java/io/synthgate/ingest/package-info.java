/**
 * DICOM ingest: the C-ECHO / C-STORE SCP. Owns the accept loop (bind address, bounded worker pool,
 * TCP_NODELAY), the calling-AE allowlist enforced before association negotiation, and the rule that
 * a success status goes out only after the object is durably spooled and recorded. PixelMed is used
 * only for association negotiation and DIMSE encoding.
 */
package io.synthgate.ingest;
