/**
 * Reader studies (visual Turing tests): reading sets built from an experiment's de-identified
 * originals and synthetic candidates, read by radiologists as real or synthetic in orders of their
 * own, from reading copies without the burned-in label, and their results: accuracy, sensitivity,
 * specificity, ROC AUC and agreement between readers.
 */
package io.synthgate.readerstudy;
