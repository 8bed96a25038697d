package io.synthgate.ingest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synthgate.testing.UpperLayerPdus;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
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
        ProtocolViolation violation = assertThrows(ProtocolViolation.class,
                () -> AssociateRequest.read(new ByteArrayInputStream(pdu)));
        assertArrayEquals(new byte[] {7, 0, 0, 0, 0, 4, 0, 0, 2, 1}, violation.abortPdu(),
                "A-ABORT from the service provider: unrecognized PDU");
    }

    @Test
    void refusesAnImplausibleLength() {
        byte[] pdu = request("A", "B", 80);
        pdu[2] = 0x7f;
        ProtocolViolation violation = assertThrows(ProtocolViolation.class,
                () -> AssociateRequest.read(new ByteArrayInputStream(pdu)));
        assertArrayEquals(new byte[] {7, 0, 0, 0, 0, 4, 0, 0, 2, 6}, violation.abortPdu(),
                "A-ABORT from the service provider: invalid PDU parameter value");
    }

    @Test
    void refusesEvenOrRepeatedPresentationContextIds() {
        List<String> explicit = List.of(UpperLayerPdus.EXPLICIT_VR_LITTLE_ENDIAN);
        byte[] even = UpperLayerPdus.associateRequest("A", "B", 16384,
                List.of(new UpperLayerPdus.Context(2, UpperLayerPdus.SECONDARY_CAPTURE, explicit)));
        ProtocolViolation evenId = assertThrows(ProtocolViolation.class,
                () -> AssociateRequest.read(new ByteArrayInputStream(even)));
        assertEquals("presentation context ID 2 is even; PS3.8 allows odd IDs only", evenId.getMessage());
        byte[] twice = UpperLayerPdus.associateRequest("A", "B", 16384,
                List.of(new UpperLayerPdus.Context(3, UpperLayerPdus.SECONDARY_CAPTURE, explicit),
                        new UpperLayerPdus.Context(3, UpperLayerPdus.SECONDARY_CAPTURE, explicit)));
        ProtocolViolation repeated = assertThrows(ProtocolViolation.class,
                () -> AssociateRequest.read(new ByteArrayInputStream(twice)));
        assertEquals("presentation context ID 3 is proposed twice", repeated.getMessage());
        assertArrayEquals(new byte[] {7, 0, 0, 0, 0, 4, 0, 0, 2, 6}, repeated.abortPdu());
    }

    @Test
    void acceptsDistinctOddPresentationContextIds() throws Exception {
        List<String> explicit = List.of(UpperLayerPdus.EXPLICIT_VR_LITTLE_ENDIAN);
        byte[] pdu = UpperLayerPdus.associateRequest("SYNTHGATE", "CT01", 16384,
                List.of(new UpperLayerPdus.Context(1, UpperLayerPdus.SECONDARY_CAPTURE, explicit),
                        new UpperLayerPdus.Context(255, UpperLayerPdus.SECONDARY_CAPTURE, explicit)));
        assertEquals("CT01", AssociateRequest.read(new ByteArrayInputStream(pdu)).callingAeTitle());
    }

    @Test
    void refusesAnItemThatClaimsMoreThanThePduHolds() {
        byte[] pdu = UpperLayerPdus.associateRequest("A", "B", 16384, List.of());
        pdu[6 + 68 + 2] = 0x7f;
        ProtocolViolation violation = assertThrows(ProtocolViolation.class,
                () -> AssociateRequest.read(new ByteArrayInputStream(pdu)));
        assertTrue(violation.getMessage().contains("more than the PDU holds"), violation.getMessage());
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
