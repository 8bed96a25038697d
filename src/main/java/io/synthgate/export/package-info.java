/**
 * Export: C-STORE of synthetic objects to configured destinations (PixelMed SCU at this edge), the
 * rule that nothing synthetic goes to a destination of kind {@code clinical}, and a readiness check
 * (C-ECHO) per destination.
 */
package io.synthgate.export;
