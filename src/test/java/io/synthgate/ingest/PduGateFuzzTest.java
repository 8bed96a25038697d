package io.synthgate.ingest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.pixelmed.network.DicomNetworkException;
import com.pixelmed.network.PDataPDU;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;

/**
 * Fuzzes the listener's first line of defence: whatever a peer sends, the A-ASSOCIATE-RQ reader and the
 * PDU gate end in a pass or a {@link ProtocolViolation}, never another exception; the gate passes bytes
 * through unchanged; and every P-DATA-TF it lets through is one PixelMed parses without failing.
 * {@code ./mvnw test} replays the inputs kept under {@code src/test/resources}; CI fuzzes it for a
 * bounded time (the {@code fuzz} executions in the pom).
 */
class PduGateFuzzTest {

    private static final int MAX_PDU = 4096;

    @FuzzTest(maxDuration = "30s")
    void anyBytesFromAPeerEndInAPassOrAViolation(byte[] input) throws IOException {
        ByteArrayInputStream peer = new ByteArrayInputStream(input);
        try {
            AssociateRequest.read(peer);
        } catch (ProtocolViolation | EOFException refused) {
            return;
        }
        byte[] rest = peer.readAllBytes();
        PduGate gate = new PduGate(new ByteArrayInputStream(rest), OutputStream.nullOutputStream(), MAX_PDU,
                Duration.ofMinutes(1));
        ByteArrayOutputStream passed = new ByteArrayOutputStream();
        byte[] buffer = new byte[1 + (rest.length % 97)];
        try {
            int n;
            while ((n = gate.read(buffer, 0, buffer.length)) >= 0) {
                passed.write(buffer, 0, n);
            }
        } catch (ProtocolViolation refused) {
            return;
        }
        assertArrayEquals(rest, passed.toByteArray(), "the gate passes what it reads unchanged");
        everyWholePDataTfParses(rest);
    }

    /** What the gate let through must not make PixelMed's PDU parser fail. */
    private static void everyWholePDataTfParses(byte[] pdus) {
        ByteBuffer buffer = ByteBuffer.wrap(pdus);
        while (buffer.remaining() >= 6) {
            int start = buffer.position();
            int type = buffer.get() & 0xff;
            buffer.get();
            long length = buffer.getInt() & 0xffffffffL;
            if (length > buffer.remaining()) {
                return;
            }
            if (type == 0x04) {
                try {
                    new PDataPDU(Arrays.copyOfRange(pdus, start, start + 6 + (int) length)).getPDVList();
                } catch (DicomNetworkException e) {
                    throw new AssertionError("PixelMed refused a P-DATA-TF the gate passed", e);
                }
            }
            buffer.position(buffer.position() + (int) length);
        }
    }
}
