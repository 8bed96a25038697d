package io.synthgate.e2e;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synthgate.testing.DicomCopies;
import io.synthgate.testing.GatewayProcess;
import io.synthgate.testing.OrthancProcess;
import io.synthgate.testing.ProcessRun;
import io.synthgate.testing.TestFiles;
import io.synthgate.testing.UpperLayerPdus;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Peers that break the upper layer protocol after they are let in: a P-DATA-TF announcing gigabytes,
 * even presentation context IDs, a PDU trickled one byte at a time, a connection dropped in the middle
 * of an object. Each gets an A-ABORT naming the problem (or nothing, when it is gone), each leaves one
 * WARN line and no stack trace, and the listener serves the next caller at once. Deflated objects, which
 * the conformance statement lists, are accepted and processed like any other.
 */
class HostilePeersIT {

    private static final byte[] ABORT_INVALID_PARAMETER = {7, 0, 0, 0, 0, 4, 0, 0, 2, 6};
    private static final byte[] ABORT_NOT_SPECIFIED = {7, 0, 0, 0, 0, 4, 0, 0, 2, 0};
    private static final int MAX_PDU = 16384;

    @TempDir
    Path folder;

    @Test
    void peersThatBreakTheProtocolAreAbortedWithAReasonOnOneLogLineEach() throws Exception {
        try (GatewayProcess gateway = GatewayProcess.forResearchPacs(folder.resolve("gateway"), 1,
                Map.of("synthgate.dicom.max-pdu-length", Integer.toString(MAX_PDU),
                        "synthgate.dicom.idle-timeout", "3s")).start()) {
            try (Socket socket = associate(gateway, 1)) {
                socket.getOutputStream().write(UpperLayerPdus.header(0x04, 2_000_000_000L));
                assertArrayEquals(ABORT_INVALID_PARAMETER, socket.getInputStream().readNBytes(10),
                        "a 2 GB announcement is refused before anything is allocated");
                assertEquals(-1, socket.getInputStream().read());
            }
            try (Socket socket = connect(gateway)) {
                socket.getOutputStream().write(UpperLayerPdus.associateRequest(GatewayProcess.AE_TITLE, "HOSTILE", MAX_PDU,
                        List.of(new UpperLayerPdus.Context(2, UpperLayerPdus.SECONDARY_CAPTURE,
                                List.of(UpperLayerPdus.EXPLICIT_VR_LITTLE_ENDIAN)))));
                assertArrayEquals(ABORT_INVALID_PARAMETER, socket.getInputStream().readNBytes(10), "even context ID");
            }
            long start = System.nanoTime();
            try (Socket socket = associate(gateway, 1)) {
                Thread trickle = trickle(socket.getOutputStream());
                socket.setSoTimeout(15_000);
                assertArrayEquals(ABORT_NOT_SPECIFIED, socket.getInputStream().readNBytes(10),
                        "a PDU not whole within the idle timeout");
                trickle.interrupt();
            }
            long seconds = (System.nanoTime() - start) / 1_000_000_000L;
            assertTrue(seconds >= 3 && seconds < 8, "aborted after its 3 s, not before or long after: " + seconds + " s");
            try (Socket socket = associate(gateway, 1)) {
                byte[] object = UpperLayerPdus.pData(1, false, true, new byte[4000]);
                socket.getOutputStream().write(object, 0, 1000);
                socket.setSoLinger(true, 0);
            }

            ProcessRun echo = ProcessRun.run(List.of("echoscu", "-aec", GatewayProcess.AE_TITLE, "127.0.0.1",
                    Integer.toString(gateway.dicomPort())));
            assertEquals(0, echo.exitCode(), "the listener serves on: " + echo.output());
            String log = gateway.log();
            assertTrue(log.contains("Aborted association from HOSTILE@127.0.0.1: P-DATA-TF of 2000000000 bytes;"
                    + " SynthGate accepts at most 16384 (synthgate.dicom.max-pdu-length)"), log);
            assertTrue(log.contains("Aborted connection from 127.0.0.1: presentation context ID 2 is even"), log);
            assertTrue(log.contains("Aborted association from HOSTILE@127.0.0.1: a P-DATA-TF PDU did not arrive whole"
                    + " within 3 s"), log);
            assertTrue(log.contains("Association from HOSTILE@127.0.0.1 ended: the peer closed the connection without"
                    + " release; the message it was sending was discarded and not acknowledged"), log);
            assertFalse(log.contains("ERROR"), "no ERROR for a peer's misbehaviour: " + log);
            assertFalse(log.lines().anyMatch(line -> line.startsWith("\tat ")), "no stack trace: " + log);
            List<String> ended = gateway.get("/q/metrics").body().lines()
                    .filter(line -> line.startsWith("synthgate_dicom_associations_ended_total")).toList();
            assertTrue(ended.contains("synthgate_dicom_associations_ended_total{how=\"protocol-error\"} 2.0"), ended.toString());
            assertTrue(ended.contains("synthgate_dicom_associations_ended_total{how=\"peer-closed\"} 1.0"), ended.toString());
            assertTrue(ended.contains("synthgate_dicom_associations_ended_total{how=\"released\"} 1.0"), ended.toString());
        }
    }

    @Test
    void anObjectSentDeflatedIsAcceptedAndGetsItsSyntheticCounterpart() throws Exception {
        Path deflated = folder.resolve("deflated.dcm");
        ProcessRun convert = ProcessRun.run(List.of("dcmconv", "+td",
                TestFiles.shared("fo-dicom/CT-MONO2-16-ankle.dcm").toString(), deflated.toString()));
        assertEquals(0, convert.exitCode(), convert.output());
        Path profile = folder.resolve("deflate-only.cfg");
        Files.writeString(profile, """
                [[TransferSyntaxes]]
                [Deflated]
                TransferSyntax1 = DeflatedLittleEndianExplicit
                [[PresentationContexts]]
                [DeflatedOnly]
                PresentationContext1 = SecondaryCaptureImageStorage\\Deflated
                [[Profiles]]
                [Deflate]
                PresentationContexts = DeflatedOnly
                """);
        try (OrthancProcess orthanc = OrthancProcess.start(folder.resolve("pacs"));
                GatewayProcess gateway = GatewayProcess.forResearchPacs(folder.resolve("gateway"), orthanc, Map.of()).start()) {
            ProcessRun store = ProcessRun.storescu(gateway.dicomPort(), GatewayProcess.AE_TITLE, "STORESCU",
                    List.of("-xf", profile.toString(), "Deflate"), List.of(deflated));
            assertEquals(0, store.exitCode(), store.output());
            Map<String, String> outputs = StudyProgress.awaitExported(gateway, DicomCopies.studyInstanceUid(deflated), 1,
                    Duration.ofSeconds(90));
            String synthetic = outputs.get(DicomCopies.sopInstanceUid(deflated));
            assertTrue(synthetic != null && orthanc.findInstance(synthetic).isPresent(), "synthetic counterpart in the PACS");
        }
    }

    /** Opens an association from HOSTILE with one Secondary Capture context, as far as the A-ASSOCIATE-AC. */
    private static Socket associate(GatewayProcess gateway, int contextId) throws IOException {
        Socket socket = connect(gateway);
        socket.getOutputStream().write(UpperLayerPdus.associateRequest(GatewayProcess.AE_TITLE, "HOSTILE", MAX_PDU,
                List.of(new UpperLayerPdus.Context(contextId, UpperLayerPdus.SECONDARY_CAPTURE,
                        List.of(UpperLayerPdus.EXPLICIT_VR_LITTLE_ENDIAN)))));
        assertEquals(0x02, UpperLayerPdus.read(socket.getInputStream()).type(), "A-ASSOCIATE-AC");
        return socket;
    }

    private static Socket connect(GatewayProcess gateway) throws IOException {
        Socket socket = new Socket("127.0.0.1", gateway.dicomPort());
        socket.setSoTimeout(5000);
        return socket;
    }

    /** Sends a valid P-DATA-TF header, then one byte of it every 500 ms, until interrupted or refused. */
    private static Thread trickle(OutputStream out) {
        byte[] pdu = UpperLayerPdus.pData(1, false, true, new byte[MAX_PDU - 6]);
        Thread thread = new Thread(() -> {
            try {
                out.write(pdu, 0, 12);
                for (int i = 12; i < pdu.length && !Thread.currentThread().isInterrupted(); i++) {
                    Thread.sleep(500);
                    out.write(pdu[i]);
                }
            } catch (IOException | InterruptedException stopped) {
                // refused by the gateway, or the test is done
            }
        }, "trickle");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }
}
