/**
 * Cohorts pulled from a clinical PACS: a query by patient-free keys or a list of accession numbers,
 * answered by C-FIND, then retrieved study by study with C-MOVE or C-GET, never more at once than the
 * source allows. Each retrieved study is complete when its retrieve ends and goes through the cohort's
 * experiments like a pushed one.
 */
package io.synthgate.cohort;
