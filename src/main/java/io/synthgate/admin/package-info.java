/**
 * Operating SynthGate: the gauges an admin graphs and the dashboard shows, and the pages under
 * {@code /admin} for admins, radiologists and researchers.
 */
package io.synthgate.admin;
