package io.synthgate.ingest;

import java.io.IOException;

/**
 * The peer broke the DICOM upper layer protocol (PS3.8); it is answered with A-ABORT, not a bare close,
 * so that its log names the reason too.
 */
final class ProtocolViolation extends IOException {

    /** A-ABORT reason (PS3.8 Table 9-26, source service provider): reason not specified. */
    static final int NOT_SPECIFIED = 0;
    /** A-ABORT reason: unrecognized PDU. */
    static final int UNRECOGNIZED_PDU = 1;
    /** A-ABORT reason: unexpected PDU. */
    static final int UNEXPECTED_PDU = 2;
    /** A-ABORT reason: invalid PDU parameter value. */
    static final int INVALID_PARAMETER_VALUE = 6;

    private final int reason;

    ProtocolViolation(String message, int reason) {
        super(message);
        this.reason = reason;
    }

    /** The ten bytes of the A-ABORT PDU: source 2, the DICOM UL service provider, and the reason. */
    byte[] abortPdu() {
        return abortPdu(reason);
    }

    /** The A-ABORT PDU from the service provider with {@code reason}. */
    static byte[] abortPdu(int reason) {
        return new byte[] {0x07, 0x00, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x02, (byte) reason};
    }
}
