package io.synthgate.dicom;

/** SOP Instance UID (0008,0018) of one received or generated object. */
public record SopInstanceUid(String value) {

    public SopInstanceUid {
        Uids.requireUsable(value, "SOP Instance UID");
    }

    @Override
    public String toString() {
        return value;
    }
}
