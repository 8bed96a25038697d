/**
 * The durable spool: received objects and generated outputs as files, written to a temporary name,
 * flushed to disk and renamed into place, so a file under its final name is always complete.
 */
package io.synthgate.spool;
