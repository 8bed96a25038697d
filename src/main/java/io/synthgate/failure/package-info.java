/**
 * Failures SynthGate names itself, by what the caller can do about them: fix the request
 * ({@link io.synthgate.failure.InvalidRequestException}), wait for another state
 * ({@link io.synthgate.failure.ConflictException}), accept a refusal ({@link io.synthgate.failure.RefusedException})
 * or try again later ({@link io.synthgate.failure.RetryableException}). The REST API maps each to its
 * HTTP problem; anything else that escapes is a bug, answered 500 and logged.
 */
package io.synthgate.failure;
