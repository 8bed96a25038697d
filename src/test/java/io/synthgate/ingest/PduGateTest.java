package io.synthgate.ingest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synthgate.testing.UpperLayerPdus;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class PduGateTest {

    private static final int MAX = 16384;

    @Test
    void passesAWellFormedConversationByteForByteHoweverItIsSplit() throws IOException {
        byte[] conversation = concat(UpperLayerPdus.pData(1, true, true, new byte[80]),
                UpperLayerPdus.pData(1, false, false, new byte[MAX - 6]),
                UpperLayerPdus.pData(1, false, true, new byte[100]),
                UpperLayerPdus.releaseRequest());
        for (int chunk : new int[] {1, 3, 7, 4096, conversation.length}) {
            PduGate gate = gate(conversation);
            ByteArrayOutputStream read = new ByteArrayOutputStream();
            byte[] buffer = new byte[chunk];
            int n;
            while ((n = gate.read(buffer, 0, chunk)) >= 0) {
                read.write(buffer, 0, n);
            }
            assertArrayEquals(conversation, read.toByteArray(), "in chunks of " + chunk);
            assertEquals(PduGate.Ending.PEER_CLOSED, gate.ending());
            assertFalse(gate.insidePdu());
        }
    }

    @Test
    void refusesAPDataTfLongerThanOfferedBeforeItsHeaderIsPassedOn() {
        ByteArrayOutputStream answered = new ByteArrayOutputStream();
        PduGate gate = new PduGate(new ByteArrayInputStream(UpperLayerPdus.header(0x04, 2_000_000_000L)), answered, MAX,
                Duration.ofMinutes(1));
        ProtocolViolation violation = assertThrows(ProtocolViolation.class, () -> gate.read(new byte[6], 0, 6));
        assertTrue(violation.getMessage().contains("2000000000 bytes"), violation.getMessage());
        assertArrayEquals(new byte[] {7, 0, 0, 0, 0, 4, 0, 0, 2, 6}, answered.toByteArray(),
                "A-ABORT, invalid PDU parameter value, sent as the violation is found");
        assertEquals(PduGate.Ending.VIOLATION, gate.ending());
        assertThrows(ProtocolViolation.class, () -> gate.read(new byte[6], 0, 6), "stays refused");
    }

    @Test
    void acceptsAPDataTfOfExactlyTheOfferedLength() throws IOException {
        byte[] full = UpperLayerPdus.pData(1, false, true, new byte[MAX - 6]);
        assertEquals(MAX + 6, full.length);
        assertEquals(full.length, gate(full).readAllBytes().length);
    }

    @Test
    void refusesAPresentationDataValueThatDoesNotFitItsPdu() {
        byte[] pdu = UpperLayerPdus.pData(1, true, true, new byte[10]);
        pdu[9] = 50;
        assertViolation(pdu, "presentation data value of 50 bytes", 6);
        byte[] empty = UpperLayerPdus.pData(1, true, true, new byte[0]);
        empty[9] = 1;
        assertViolation(empty, "presentation data value of 1 bytes", 6);
    }

    @Test
    void refusesReleaseAndAbortOfTheWrongLengthAndPdusThatHaveNoPlaceHere() {
        assertViolation(UpperLayerPdus.pdu(0x05, new byte[8]), "A-RELEASE-RQ of 8 bytes", 6);
        assertViolation(UpperLayerPdus.pdu(0x01, new byte[100]), "A-ASSOCIATE-RQ inside an established association", 2);
        assertViolation(UpperLayerPdus.pdu(0x09, new byte[4]), "unknown PDU type 0x9", 1);
    }

    @Test
    void remembersThatThePeerAbortedEvenWhenItThenCloses() throws IOException {
        PduGate gate = gate(UpperLayerPdus.pdu(0x07, new byte[4]));
        gate.readAllBytes();
        assertEquals(PduGate.Ending.PEER_ABORTED, gate.ending());
    }

    @Test
    void knowsWhenThePeerVanishedInTheMiddleOfAPdu() throws IOException {
        byte[] pdu = UpperLayerPdus.pData(1, false, true, new byte[1000]);
        PduGate gate = gate(Arrays.copyOf(pdu, 500));
        gate.readAllBytes();
        assertEquals(PduGate.Ending.PEER_CLOSED, gate.ending());
        assertTrue(gate.insidePdu());
    }

    @Test
    void refusesAPduThatTakesLongerThanItsDeadline() throws IOException {
        byte[] pdu = UpperLayerPdus.pData(1, false, true, new byte[1000]);
        PduGate gate = new PduGate(new ByteArrayInputStream(pdu), OutputStream.nullOutputStream(), MAX, Duration.ofMillis(20));
        gate.read(new byte[100], 0, 100);
        sleep(40);
        ProtocolViolation violation = assertThrows(ProtocolViolation.class, () -> gate.read(new byte[100], 0, 100));
        assertTrue(violation.getMessage().contains("did not arrive whole"), violation.getMessage());
    }

    private static void assertViolation(byte[] bytes, String message, int reason) {
        PduGate gate = gate(bytes);
        ProtocolViolation violation = assertThrows(ProtocolViolation.class, gate::readAllBytes);
        assertTrue(violation.getMessage().contains(message), violation.getMessage());
        assertEquals(reason, violation.abortPdu()[9]);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static PduGate gate(byte[] bytes) {
        return new PduGate(new ByteArrayInputStream(bytes), OutputStream.nullOutputStream(), MAX, Duration.ofMinutes(1));
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            all.writeBytes(part);
        }
        return all.toByteArray();
    }
}
