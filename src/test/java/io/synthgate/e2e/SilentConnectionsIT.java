package io.synthgate.e2e;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pixelmed.network.Association;
import com.pixelmed.network.AssociationFactory;
import com.pixelmed.network.PresentationContext;
import io.synthgate.testing.GatewayProcess;
import io.synthgate.testing.ProcessRun;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Connections that connect and say nothing, the cheapest way to starve a DICOM port. A host that no
 * allowed-caller entry admits is turned away when it connects; a silent connection from an admitted host
 * is given {@code synthgate.dicom.request-timeout} to send its A-ASSOCIATE-RQ, then closed; and however
 * many wait, they wait apart from the association workers, capped per host, so a normal caller is served
 * at once. With every worker serving an association the next caller is refused, and a sender that opens
 * one association as soon as its last is released is served each time. A peer speaking another protocol
 * is answered with A-ABORT.
 */
class SilentConnectionsIT {

    private static final int SILENT = 40;
    private static final int BACK_TO_BACK = 30;

    @Test
    void silentConnectionsAreClosedAtOnceFromARefusedHostAndAfterTheRequestTimeoutFromAnAdmittedOne() throws Exception {
        try (GatewayProcess gateway = GatewayProcess.forResearchPacs(Files.createTempDirectory("refused-host"), 1,
                Map.of("synthgate.dicom.allowed-callers", "MODALITY1@127.0.0.2",
                        "synthgate.dicom.bind-address", "0.0.0.0",
                        "synthgate.dicom.request-timeout", "3s")).start()) {
            List<Socket> silent = new ArrayList<>();
            try {
                for (int i = 0; i < SILENT; i++) {
                    silent.add(connect(gateway, "127.0.0.1"));
                }
                for (Socket socket : silent) {
                    assertEquals(-1, socket.getInputStream().read(), "closed by the gateway without a word");
                }
            } finally {
                for (Socket socket : silent) {
                    socket.close();
                }
            }
            try (Socket admitted = connect(gateway, "127.0.0.2")) {
                admitted.setSoTimeout(1000);
                try {
                    admitted.getInputStream().read();
                    throw new AssertionError("an admitted host's connection must wait for its A-ASSOCIATE-RQ");
                } catch (SocketTimeoutException waiting) {
                    // still open: a worker waits for the request, for synthgate.dicom.request-timeout
                }
                admitted.setSoTimeout(5000);
                long start = System.nanoTime();
                assertEquals(-1, admitted.getInputStream().read(), "closed once its time to send a request is up");
                assertTrue(System.nanoTime() - start < 4_000_000_000L, "within the request timeout, not the idle timeout");
            }
            String metrics = gateway.get("/q/metrics").body();
            List<String> counted = metrics.lines().filter(line -> line.contains("associations_total")).toList();
            assertTrue(counted.contains("synthgate_dicom_associations_total{outcome=\"rejected\",reason=\"host\"} "
                    + SILENT + ".0"), counted.toString());
            assertTrue(counted.contains(
                    "synthgate_dicom_associations_total{outcome=\"rejected\",reason=\"request-timeout\"} 1.0"),
                    counted.toString());
        }
    }

    @Test
    void sixtySilentConnectionsFromOneAllowedHostDoNotDelayAnotherCaller() throws Exception {
        try (GatewayProcess gateway = GatewayProcess.forResearchPacs(Files.createTempDirectory("silent"), 1,
                Map.of("synthgate.dicom.allowed-callers", "*@127.0.0.1,*@127.0.0.3",
                        "synthgate.dicom.bind-address", "0.0.0.0")).start()) {
            List<Socket> silent = new ArrayList<>();
            try {
                for (int i = 0; i < 60; i++) {
                    silent.add(connect(gateway, "127.0.0.3"));
                }
                long start = System.nanoTime();
                ProcessRun echo = ProcessRun.run(List.of("echoscu", "-aec", GatewayProcess.AE_TITLE, "127.0.0.1",
                        Integer.toString(gateway.dicomPort())));
                long millis = (System.nanoTime() - start) / 1_000_000;
                assertEquals(0, echo.exitCode(), echo.output());
                assertTrue(millis < 3000, "a normal caller is served at once, not after the silent ones: " + millis + " ms");
            } finally {
                for (Socket socket : silent) {
                    socket.close();
                }
            }
            String metrics = gateway.get("/q/metrics").body();
            assertTrue(metrics.contains("synthgate_dicom_associations_total{outcome=\"rejected\",reason=\"busy\"} 52.0"),
                    "beyond 8 waiting from one host, connections are closed as they come: "
                    + metrics.lines().filter(line -> line.contains("associations_total")).toList());
        }
    }

    @Test
    void aCallerBeyondEveryBusyWorkerIsRejectedAndBackToBackOnesAreServed() throws Exception {
        try (GatewayProcess gateway = GatewayProcess.forResearchPacs(Files.createTempDirectory("busy"), 1,
                Map.of("synthgate.dicom.max-associations", "1")).start()) {
            LinkedList<PresentationContext> verification = new LinkedList<>();
            verification.add(new PresentationContext((byte) 1, "1.2.840.10008.1.1", "1.2.840.10008.1.2"));
            Association held = AssociationFactory.createNewAssociation("127.0.0.1", gateway.dicomPort(),
                    GatewayProcess.AE_TITLE, "HOLDER", verification, null, false);
            try {
                long start = System.nanoTime();
                ProcessRun refused = ProcessRun.run(List.of("echoscu", "-aec", GatewayProcess.AE_TITLE, "127.0.0.1",
                        Integer.toString(gateway.dicomPort())));
                assertTrue(refused.exitCode() != 0 && refused.output().contains("Local Limit Exceeded"), refused.output());
                assertTrue(System.nanoTime() - start < 3_000_000_000L, "rejected at once");
            } finally {
                held.release();
            }
            // Each opened as soon as the last is released, while its worker may still be closing up.
            for (int i = 1; i <= BACK_TO_BACK; i++) {
                Association next = AssociationFactory.createNewAssociation("127.0.0.1", gateway.dicomPort(),
                        GatewayProcess.AE_TITLE, "HOLDER", verification, null, false);
                next.release();
            }
            ProcessRun echo = ProcessRun.run(List.of("echoscu", "-aec", GatewayProcess.AE_TITLE, "127.0.0.1",
                    Integer.toString(gateway.dicomPort())));
            assertEquals(0, echo.exitCode(), "served again once the worker is free: " + echo.output());
        }
    }

    @Test
    void aPeerThatSpeaksAnotherProtocolGetsAnAbort() throws Exception {
        try (GatewayProcess gateway = GatewayProcess.forResearchPacs(Files.createTempDirectory("garbage"), 1, Map.of()).start();
                Socket socket = connect(gateway, "127.0.0.1")) {
            socket.getOutputStream().write("GET / HTTP/1.1\r\nHost: pacs\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            byte[] answer = socket.getInputStream().readNBytes(10);
            assertArrayEquals(new byte[] {7, 0, 0, 0, 0, 4, 0, 0, 2, 1}, answer, "A-ABORT, unrecognized PDU, not a bare close");
            assertEquals(-1, socket.getInputStream().read());
        }
    }

    private static Socket connect(GatewayProcess gateway, String from) throws IOException {
        Socket socket = new Socket();
        socket.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
        socket.connect(new InetSocketAddress("127.0.0.1", gateway.dicomPort()), 2000);
        socket.setSoTimeout(2000);
        return socket;
    }
}
