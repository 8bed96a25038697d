package io.synthgate.ingest;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.SocketTimeoutException;
import java.time.Duration;

/**
 * Checks every PDU a peer sends after its A-ASSOCIATE-RQ before PixelMed reads it. PixelMed allocates
 * the whole length a PDU header announces before any of it arrives, so a peer could pin the heap with
 * one header; here a P-DATA-TF longer than the maximum length SynthGate offered, a presentation data
 * value that does not fit its PDU, an A-RELEASE or A-ABORT of the wrong length, or a PDU type that has
 * no place in an established association is refused before PixelMed sees its header. A PDU must also
 * arrive whole within the PDU deadline, so a peer trickling one byte at a time cannot hold its buffer
 * and its worker indefinitely. Bytes held per association are therefore bounded by the maximum PDU
 * length.
 *
 * <p>A violation or silence is answered with A-ABORT as it is found. The gate also remembers how the
 * conversation ended (a violation, the peer's abort or close, silence),
 * because PixelMed reports each of those as the same exception.
 */
final class PduGate extends FilterInputStream {

    private static final int P_DATA_TF = 0x04;
    private static final int A_RELEASE_RQ = 0x05;
    private static final int A_RELEASE_RP = 0x06;
    private static final int A_ABORT = 0x07;
    private static final int HEADER_LENGTH = 6;
    private static final int PDV_HEADER_LENGTH = 4;
    /** A PDV's length counts its presentation context ID and message control header too. */
    private static final int PDV_MIN_LENGTH = 2;

    /** How the peer's side of the conversation ended, as far as the gate saw it. */
    enum Ending {
        /** Still talking, or ended by something the gate did not see. */
        NONE,
        /** The peer sent A-ABORT. */
        PEER_ABORTED,
        /** The peer closed or reset the connection without release or abort. */
        PEER_CLOSED,
        /** Nothing arrived for the socket's read timeout. */
        SILENT,
        /** The peer broke the protocol; see {@link #violation()}. */
        VIOLATION
    }

    private final OutputStream peer;
    private final int maxPduLength;
    private final long pduDeadlineNanos;
    private final byte[] header = new byte[HEADER_LENGTH];
    private final byte[] pdvHeader = new byte[PDV_HEADER_LENGTH];
    private int headerFilled;
    private int pduType;
    private long pduRemaining;
    private long pduStartedAt;
    private int pdvHeaderFilled;
    private long pdvRemaining;
    private Ending ending = Ending.NONE;
    private ProtocolViolation violation;

    /**
     * @param peer where the A-ABORT goes: it is sent at once, since PixelMed closes the connection as soon
     *        as its read fails
     * @param maxPduLength the Maximum Length Received SynthGate offered in its A-ASSOCIATE-AC
     * @param pduDeadline how long one PDU may take to arrive from its first byte to its last
     */
    PduGate(InputStream in, OutputStream peer, int maxPduLength, Duration pduDeadline) {
        super(in);
        this.peer = peer;
        this.maxPduLength = maxPduLength;
        this.pduDeadlineNanos = pduDeadline.toNanos();
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (violation != null) {
            throw violation;
        }
        int n;
        try {
            n = super.read(buffer, offset, length);
        } catch (SocketTimeoutException silent) {
            endAs(Ending.SILENT);
            abort(ProtocolViolation.abortPdu(ProtocolViolation.NOT_SPECIFIED));
            throw silent;
        } catch (IOException reset) {
            endAs(Ending.PEER_CLOSED);
            throw reset;
        }
        if (n < 0) {
            endAs(Ending.PEER_CLOSED);
            return n;
        }
        try {
            inspect(buffer, offset, n);
        } catch (ProtocolViolation broken) {
            violation = broken;
            ending = Ending.VIOLATION;
            abort(broken.abortPdu());
            throw broken;
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        // PixelMed never skips; reading through read() keeps every byte inspected.
        byte[] discard = new byte[(int) Math.min(n, 8192)];
        int read = read(discard, 0, discard.length);
        return Math.max(read, 0);
    }

    private void abort(byte[] pdu) {
        try {
            peer.write(pdu);
            peer.flush();
        } catch (IOException gone) {
            // A peer that cannot be told is closed on all the same.
        }
    }

    /** The first reason seen stands: a peer that aborts and then closes has aborted. */
    private void endAs(Ending seen) {
        if (ending == Ending.NONE) {
            ending = seen;
        }
    }

    /** How the peer's side ended, once reading has stopped. */
    Ending ending() {
        return ending;
    }

    /** The violation that ended the association, or null. */
    ProtocolViolation violation() {
        return violation;
    }

    /** Whether a PDU was part way in when reading stopped: a peer that vanished then left an object unfinished. */
    boolean insidePdu() {
        return headerFilled > 0 || pduRemaining > 0;
    }

    /** Follows the PDU structure through {@code n} bytes just read; throws before a bad header reaches PixelMed. */
    void inspect(byte[] bytes, int offset, int n) throws ProtocolViolation {
        int at = offset;
        int end = offset + n;
        if (n > 0 && headerFilled == 0 && pduRemaining == 0) {
            pduStartedAt = System.nanoTime();
        }
        while (at < end) {
            if (pduRemaining == 0) {
                header[headerFilled++] = bytes[at++];
                if (headerFilled == HEADER_LENGTH) {
                    startPdu();
                }
            } else if (pduType == P_DATA_TF) {
                at = inspectPresentationData(bytes, at, end);
            } else {
                int take = (int) Math.min(pduRemaining, end - at);
                pduRemaining -= take;
                at += take;
            }
            if (headerFilled == 0 && pduRemaining == 0 && at < end) {
                pduStartedAt = System.nanoTime();
            }
        }
        if ((headerFilled > 0 || pduRemaining > 0) && System.nanoTime() - pduStartedAt > pduDeadlineNanos) {
            throw new ProtocolViolation("a " + describe(pduType) + " PDU did not arrive whole within "
                    + Duration.ofNanos(pduDeadlineNanos).toSeconds() + " s", ProtocolViolation.NOT_SPECIFIED);
        }
    }

    private void startPdu() throws ProtocolViolation {
        headerFilled = 0;
        pduType = header[0] & 0xff;
        long length = ((header[2] & 0xffL) << 24) | ((header[3] & 0xff) << 16) | ((header[4] & 0xff) << 8)
                | (header[5] & 0xff);
        switch (pduType) {
            case P_DATA_TF -> {
                if (length > maxPduLength) {
                    throw new ProtocolViolation("P-DATA-TF of " + length + " bytes; SynthGate accepts at most "
                            + maxPduLength + " (synthgate.dicom.max-pdu-length)", ProtocolViolation.INVALID_PARAMETER_VALUE);
                }
                if (length < PDV_HEADER_LENGTH + PDV_MIN_LENGTH) {
                    throw new ProtocolViolation("P-DATA-TF of " + length + " bytes holds no presentation data value",
                            ProtocolViolation.INVALID_PARAMETER_VALUE);
                }
                pdvHeaderFilled = 0;
                pdvRemaining = 0;
            }
            case A_RELEASE_RQ, A_RELEASE_RP, A_ABORT -> {
                if (length != 4) {
                    throw new ProtocolViolation(describe(pduType) + " of " + length + " bytes; PS3.8 fixes it at 4",
                            ProtocolViolation.INVALID_PARAMETER_VALUE);
                }
                if (pduType == A_ABORT) {
                    ending = Ending.PEER_ABORTED;
                }
            }
            case 0x01, 0x02, 0x03 -> throw new ProtocolViolation(describe(pduType) + " inside an established association",
                    ProtocolViolation.UNEXPECTED_PDU);
            default -> throw new ProtocolViolation("unknown PDU type 0x" + Integer.toHexString(pduType),
                    ProtocolViolation.UNRECOGNIZED_PDU);
        }
        pduRemaining = length;
    }

    /** Follows the presentation data values of a P-DATA-TF: each length must fit in what is left of the PDU. */
    private int inspectPresentationData(byte[] bytes, int at, int end) throws ProtocolViolation {
        if (pdvRemaining > 0) {
            int take = (int) Math.min(pdvRemaining, end - at);
            pdvRemaining -= take;
            pduRemaining -= take;
            return at + take;
        }
        pdvHeader[pdvHeaderFilled++] = bytes[at++];
        pduRemaining--;
        if (pdvHeaderFilled == PDV_HEADER_LENGTH) {
            pdvHeaderFilled = 0;
            pdvRemaining = ((pdvHeader[0] & 0xffL) << 24) | ((pdvHeader[1] & 0xff) << 16) | ((pdvHeader[2] & 0xff) << 8)
                    | (pdvHeader[3] & 0xff);
            if (pdvRemaining < PDV_MIN_LENGTH || pdvRemaining > pduRemaining) {
                throw new ProtocolViolation("a presentation data value of " + pdvRemaining + " bytes in a P-DATA-TF"
                        + " with " + pduRemaining + " bytes left", ProtocolViolation.INVALID_PARAMETER_VALUE);
            }
        } else if (pduRemaining == 0) {
            throw new ProtocolViolation("a P-DATA-TF ends inside a presentation data value's header",
                    ProtocolViolation.INVALID_PARAMETER_VALUE);
        }
        return at;
    }

    private static String describe(int type) {
        return switch (type) {
            case 0x01 -> "A-ASSOCIATE-RQ";
            case 0x02 -> "A-ASSOCIATE-AC";
            case 0x03 -> "A-ASSOCIATE-RJ";
            case P_DATA_TF -> "P-DATA-TF";
            case A_RELEASE_RQ -> "A-RELEASE-RQ";
            case A_RELEASE_RP -> "A-RELEASE-RP";
            case A_ABORT -> "A-ABORT";
            default -> "0x" + Integer.toHexString(type);
        };
    }
}
