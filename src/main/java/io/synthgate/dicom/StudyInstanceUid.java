package io.synthgate.dicom;

/** Study Instance UID (0020,000D): the key studies are assembled and listed by. */
public record StudyInstanceUid(String value) {

    public StudyInstanceUid {
        Uids.requireUsable(value, "Study Instance UID");
    }

    @Override
    public String toString() {
        return value;
    }
}
