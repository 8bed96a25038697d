/**
 * Who may do what: the roles every endpoint is guarded by, and the guard that keeps {@code /api} and
 * {@code /admin} shut, saying why, while no one can sign in.
 */
package io.synthgate.access;
