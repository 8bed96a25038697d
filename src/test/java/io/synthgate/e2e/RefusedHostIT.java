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
 * association worker: silent connections from it are closed at once, while one from an admitted host
 * is left to send its A-ASSOCIATE-RQ.
 */
class RefusedHostIT {

    private static final int SILENT = 40;

    @Test
    void silentConnectionsFromARefusedHostAreClosedAtOnceAndCounted() throws Exception {
        try (GatewayProcess gateway = GatewayProcess.forResearchPacs(Files.createTempDirectory("refused-host"), 1,
                Map.of("synthgate.dicom.allowed-callers", "MODALITY1@127.0.0.2",
                        "synthgate.dicom.bind-address", "0.0.0.0")).start()) {
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
                    // still open: a worker waits for the request
                }
            }
            String metrics = gateway.get("/q/metrics").body();
            assertTrue(metrics.contains("synthgate_dicom_associations_total{outcome=\"rejected\",reason=\"host\"} "
                    + SILENT + ".0"), metrics.lines().filter(line -> line.contains("associations_total")).toList().toString());
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
