package io.synthgate.deid;

/** A DICOM code triplet (value, coding scheme designator, meaning). */
public record CodedConcept(String value, String scheme, String meaning) {
}
