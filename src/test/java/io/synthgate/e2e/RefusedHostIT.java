package io.synthgate.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synthgate.testing.GatewayProcess;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A host that no allowed-caller entry admits is turned away when it connects, before it can hold an
 * association worker: silent connections from it are closed at once. A silent connection from an
 * admitted host is given {@code synthgate.dicom.request-timeout} to send its A-ASSOCIATE-RQ, then closed.
 */
class RefusedHostIT {

    private static final int SILENT = 40;

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

    private static Socket connect(GatewayProcess gateway, String from) throws IOException {
        Socket socket = new Socket();
        socket.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
        socket.connect(new InetSocketAddress("127.0.0.1", gateway.dicomPort()), 2000);
        socket.setSoTimeout(2000);
        return socket;
    }
}
