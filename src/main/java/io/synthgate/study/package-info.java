/**
 * Study assembly: received instances grouped by Study Instance UID, each attached to the study's
 * open job; a study completes after {@code synthgate.study.idle-timeout} without new instances or on
 * request. Instances that arrive after completion open a follow-up job for the same study.
 */
package io.synthgate.study;
