/**
 * Experiments: the hand-off from completed jobs to the Camel routes in {@code camel-routes/}, and the
 * contract (entry endpoint, headers, exchange properties) every route and step bean shares.
 */
package io.synthgate.experiment;
