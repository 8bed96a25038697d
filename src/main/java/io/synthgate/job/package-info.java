/**
 * Jobs: one study's run through one experiment, as an explicit state machine kept in the database.
 * Every transition is an update with time and reason plus an event row; a restart resumes from the
 * stored state, never from memory.
 */
package io.synthgate.job;
