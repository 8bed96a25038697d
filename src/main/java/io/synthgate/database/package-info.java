/**
 * The database as the scheduled work sees it: whether it answers, so that a restart or failover of it
 * is waited out with one line in the log.
 */
package io.synthgate.database;
