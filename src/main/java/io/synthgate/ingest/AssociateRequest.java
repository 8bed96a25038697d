package io.synthgate.ingest;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The A-ASSOCIATE-RQ PDU (PS3.8 9.3.2), read off the socket before PixelMed sees it, so that callers
 * can be refused before any negotiation. Keeps the raw bytes to replay them to PixelMed.
 */
record AssociateRequest(byte[] pdu, String calledAeTitle, String callingAeTitle) {

    static final int TYPE = 0x01;
    /** Far above any real A-ASSOCIATE-RQ; refuses a peer that claims gigabytes. */
    private static final int MAX_LENGTH = 256 * 1024;

    /**
     * Reads one A-ASSOCIATE-RQ.
     *
     * @throws ProtocolViolation when the first PDU is not an A-ASSOCIATE-RQ or is malformed
     */
    static AssociateRequest read(InputStream in) throws IOException {
        DataInputStream data = new DataInputStream(in);
        byte[] header = new byte[6];
        data.readFully(header);
        int type = header[0] & 0xff;
        long length = ((header[2] & 0xffL) << 24) | ((header[3] & 0xff) << 16) | ((header[4] & 0xff) << 8)
                | (header[5] & 0xff);
        if (type != TYPE) {
            throw new ProtocolViolation("first PDU has type 0x" + Integer.toHexString(type) + ", not A-ASSOCIATE-RQ",
                    ProtocolViolation.UNRECOGNIZED_PDU);
        }
        if (length < 68 || length > MAX_LENGTH) {
            throw new ProtocolViolation("A-ASSOCIATE-RQ claims an implausible length of " + length + " bytes",
                    ProtocolViolation.INVALID_PARAMETER_VALUE);
        }
        byte[] pdu = Arrays.copyOf(header, 6 + (int) length);
        data.readFully(pdu, 6, (int) length);
        return new AssociateRequest(pdu, title(pdu, 10), title(pdu, 26));
    }

    private static String title(byte[] pdu, int offset) {
        return new String(pdu, offset, 16, StandardCharsets.US_ASCII).strip();
    }

    /** The A-ASSOCIATE-RJ reasons SynthGate gives (PS3.8 Table 9-21). */
    enum Rejection {
        /** Permanent, service user: calling AE title not recognized. */
        CALLING_AE_NOT_RECOGNIZED(1, 1, 3),
        /** Permanent, service user: called AE title not recognized. */
        CALLED_AE_NOT_RECOGNIZED(1, 1, 7),
        /** Transient, service provider (presentation): local limit exceeded. */
        LOCAL_LIMIT_EXCEEDED(2, 3, 2);

        private final int result;
        private final int source;
        private final int reason;

        Rejection(int result, int source, int reason) {
            this.result = result;
            this.source = source;
            this.reason = reason;
        }

        /** The ten bytes of the A-ASSOCIATE-RJ PDU. */
        byte[] pdu() {
            return new byte[] {0x03, 0x00, 0x00, 0x00, 0x00, 0x04, 0x00, (byte) result, (byte) source, (byte) reason};
        }
    }

    /** The peer did not speak DICOM upper layer protocol; it is answered with A-ABORT, not a bare close. */
    static final class ProtocolViolation extends IOException {

        /** A-ABORT reason (PS3.8 Table 9-26, source service provider): unrecognized PDU. */
        static final int UNRECOGNIZED_PDU = 1;
        /** A-ABORT reason: invalid PDU parameter value. */
        static final int INVALID_PARAMETER_VALUE = 6;

        private final int reason;

        ProtocolViolation(String message, int reason) {
            super(message);
            this.reason = reason;
        }

        /** The ten bytes of the A-ABORT PDU: source 2, the DICOM UL service provider, and the reason. */
        byte[] abortPdu() {
            return new byte[] {0x07, 0x00, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x02, (byte) reason};
        }
    }
}
