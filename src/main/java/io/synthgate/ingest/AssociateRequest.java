package io.synthgate.ingest;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * The A-ASSOCIATE-RQ PDU (PS3.8 9.3.2), read off the socket before PixelMed sees it, so that callers
 * can be refused before any negotiation. Keeps the raw bytes to replay them to PixelMed.
 */
record AssociateRequest(byte[] pdu, String calledAeTitle, String callingAeTitle) {

    static final int TYPE = 0x01;
    /** Far above any real A-ASSOCIATE-RQ; refuses a peer that claims gigabytes. */
    private static final int MAX_LENGTH = 256 * 1024;
    /** Where the items start: the PDU header, protocol version, reserved, both AE titles and 32 reserved bytes. */
    private static final int FIXED_FIELDS_END = 6 + 68;
    private static final int PRESENTATION_CONTEXT_ITEM = 0x20;

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
        checkItems(pdu);
        return new AssociateRequest(pdu, title(pdu, 10), title(pdu, 26));
    }

    /**
     * Walks the variable items after the fixed fields: each must fit in the PDU, and each presentation
     * context needs an odd identifier of its own (PS3.8 9.3.2.2), because the acceptor's answers and
     * every later P-DATA-TF are matched by it.
     */
    private static void checkItems(byte[] pdu) throws ProtocolViolation {
        Set<Integer> contextIds = new HashSet<>();
        int offset = FIXED_FIELDS_END;
        while (offset < pdu.length) {
            if (offset + 4 > pdu.length) {
                throw new ProtocolViolation("A-ASSOCIATE-RQ ends inside an item header",
                        ProtocolViolation.INVALID_PARAMETER_VALUE);
            }
            int itemType = pdu[offset] & 0xff;
            int itemLength = ((pdu[offset + 2] & 0xff) << 8) | (pdu[offset + 3] & 0xff);
            int itemEnd = offset + 4 + itemLength;
            if (itemEnd > pdu.length) {
                throw new ProtocolViolation("an item of the A-ASSOCIATE-RQ claims " + itemLength
                        + " bytes, more than the PDU holds", ProtocolViolation.INVALID_PARAMETER_VALUE);
            }
            if (itemType == PRESENTATION_CONTEXT_ITEM) {
                if (itemLength < 4) {
                    throw new ProtocolViolation("a presentation context item of " + itemLength + " bytes",
                            ProtocolViolation.INVALID_PARAMETER_VALUE);
                }
                int id = pdu[offset + 4] & 0xff;
                if (id % 2 == 0) {
                    throw new ProtocolViolation("presentation context ID " + id + " is even; PS3.8 allows odd IDs only",
                            ProtocolViolation.INVALID_PARAMETER_VALUE);
                }
                if (!contextIds.add(id)) {
                    throw new ProtocolViolation("presentation context ID " + id + " is proposed twice",
                            ProtocolViolation.INVALID_PARAMETER_VALUE);
                }
            }
            offset = itemEnd;
        }
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
}
