/**
 * The pipeline contract every route and step shares: the endpoint, header and exchange property names
 * ({@link io.synthgate.pipeline.Pipeline}), the typed experiment a route runs and its parts, the
 * shared image workers, and the CPU permits that let a waiting worker make way for one that computes.
 */
package io.synthgate.pipeline;
