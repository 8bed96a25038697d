package io.synthgate.ingest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class AssociateRequestTest {

    @Test
    void readsCalledAndCallingTitlesAndKeepsTheWholePdu() throws Exception {
        byte[] pdu = request("SYNTHGATE", "CT01", 80);
        AssociateRequest request = AssociateRequest.read(new ByteArrayInputStream(pdu));
        assertEquals("SYNTHGATE", request.calledAeTitle());
        assertEquals("CT01", request.callingAeTitle());
        assertArrayEquals(pdu, request.pdu());
    }

    @Test
    void refusesAnythingButAnAssociateRequest() {
        byte[] pdu = request("A", "B", 80);
        pdu[0] = 0x04;
        AssociateRequest.ProtocolViolation violation = assertThrows(AssociateRequest.ProtocolViolation.class,
                () -> AssociateRequest.read(new ByteArrayInputStream(pdu)));
        assertArrayEquals(new byte[] {7, 0, 0, 0, 0, 4, 0, 0, 2, 1}, violation.abortPdu(),
                "A-ABORT from the service provider: unrecognized PDU");
    }

    @Test
    void refusesAnImplausibleLength() {
        byte[] pdu = request("A", "B", 80);
        pdu[2] = 0x7f;
        AssociateRequest.ProtocolViolation violation = assertThrows(AssociateRequest.ProtocolViolation.class,
                () -> AssociateRequest.read(new ByteArrayInputStream(pdu)));
        assertArrayEquals(new byte[] {7, 0, 0, 0, 0, 4, 0, 0, 2, 6}, violation.abortPdu(),
                "A-ABORT from the service provider: invalid PDU parameter value");
    }

    @Test
    void rejectionPdusFollowPs38() {
        assertArrayEquals(new byte[] {3, 0, 0, 0, 0, 4, 0, 1, 1, 3}, AssociateRequest.Rejection.CALLING_AE_NOT_RECOGNIZED.pdu());
        assertArrayEquals(new byte[] {3, 0, 0, 0, 0, 4, 0, 1, 1, 7}, AssociateRequest.Rejection.CALLED_AE_NOT_RECOGNIZED.pdu());
        assertArrayEquals(new byte[] {3, 0, 0, 0, 0, 4, 0, 2, 3, 2}, AssociateRequest.Rejection.LOCAL_LIMIT_EXCEEDED.pdu());
    }

    private static byte[] request(String called, String calling, int variableLength) {
        byte[] pdu = new byte[6 + variableLength];
        pdu[0] = 0x01;
        pdu[5] = (byte) variableLength;
        pdu[7] = 0x01;
        System.arraycopy(padded(called), 0, pdu, 10, 16);
        System.arraycopy(padded(calling), 0, pdu, 26, 16);
        return pdu;
    }

    private static byte[] padded(String title) {
        return String.format("%-16s", title).getBytes(StandardCharsets.US_ASCII);
    }
}
