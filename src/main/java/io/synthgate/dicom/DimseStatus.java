package io.synthgate.dicom;

/** The DIMSE status codes SynthGate answers with (PS3.4 Annex B.2.3 and PS3.7 Annex C). */
public enum DimseStatus {
    SUCCESS(0x0000),
    /** Refused: out of resources (spool full, worker pool saturated, database unavailable). */
    OUT_OF_RESOURCES(0xA700),
    /** Error: the data set's SOP Class or Instance does not match the C-STORE request. */
    DATA_SET_DOES_NOT_MATCH_SOP_CLASS(0xA900),
    /** Error: the data set cannot be parsed or lacks what SynthGate must know of it. */
    CANNOT_UNDERSTAND(0xC000);

    private final int code;

    DimseStatus(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public String hex() {
        return String.format("0x%04X", code);
    }
}
