package io.synthgate.export;

import com.pixelmed.dicom.SetOfDicomFiles;
import com.pixelmed.network.MultipleInstanceTransferStatusHandlerWithFileName;
import com.pixelmed.network.StorageSOPClassSCU;
import com.pixelmed.network.VerificationSOPClassSCU;
import io.synthgate.dicom.PeerBridge;
import io.synthgate.pipeline.CpuPermits;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The DICOM SCU side, on PixelMed: C-STORE a batch of files over one association, and C-ECHO. Calls
 * with {@code synthgate.export.calling-ae-title} as calling AE; to a destination with {@code tls=true}
 * through a {@link PeerBridge}.
 */
@ApplicationScoped
public class DicomPeerClient {

    private final String callingAeTitle;
    private final ClientTls tls;

    public DicomPeerClient(ExportConfig config, ClientTls tls) {
        this.callingAeTitle = config.callingAeTitle();
        this.tls = tls;
    }

    /**
     * Sends the files over one association.
     *
     * @return the paths the peer acknowledged with a success status
     * @throws NoConnectionException when no connection could be made, so nothing was sent
     * @throws IOException when the association failed (was rejected or aborted) with nothing acknowledged
     */
    public Set<Path> store(Destination destination, List<Path> files) throws Exception {
        try (PeerBridge bridge = destination.tls() ? bridge(destination) : null) {
            if (bridge == null) {
                requireReachable(destination);
            }
            return store(destination, bridge == null ? destination.host() : bridge.host(),
                    bridge == null ? destination.port() : bridge.port(), files);
        }
    }

    private Set<Path> store(Destination destination, String host, int port, List<Path> files) throws Exception {
        SetOfDicomFiles set = new SetOfDicomFiles();
        for (Path file : files) {
            set.add(file.toFile());
        }
        Set<Path> stored = new HashSet<>();
        MultipleInstanceTransferStatusHandlerWithFileName handler = new MultipleInstanceTransferStatusHandlerWithFileName() {
            @Override
            public void updateStatus(int remaining, int completed, int failed, int warning, String sopInstanceUid,
                    String fileName, boolean success) {
                if (success) {
                    stored.add(Path.of(fileName));
                }
            }
        };
        StorageSOPClassSCU scu = CpuPermits.whileWaiting(() -> new StorageSOPClassSCU(host, port,
                destination.aeTitle().value(), callingAeTitle, set, 0, handler));
        if (stored.isEmpty() && scu.encounteredTrappedExceptions()) {
            throw new IOException("the association from " + callingAeTitle
                    + " failed (PixelMed logged the cause under com.pixelmed)");
        }
        return stored;
    }

    /** PixelMed only logs a refused connection; checking first gives the job a reason an admin can act on. */
    private static void requireReachable(Destination destination) throws NoConnectionException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(destination.host(), destination.port()),
                    (int) destination.timeout().toMillis());
        } catch (IOException e) {
            throw new NoConnectionException("cannot connect to " + destination.host() + ":" + destination.port() + " ("
                    + e.getMessage() + ")", e);
        }
    }

    /** C-ECHO; throws when the peer cannot be reached, refuses, or (over TLS) fails the handshake. */
    public void echo(Destination destination) throws Exception {
        try (PeerBridge bridge = destination.tls() ? bridge(destination) : null) {
            if (bridge == null) {
                requireReachable(destination);
            }
            new VerificationSOPClassSCU(bridge == null ? destination.host() : bridge.host(),
                    bridge == null ? destination.port() : bridge.port(), destination.aeTitle().value(), callingAeTitle,
                    false);
        }
    }

    /** The TLS connection to {@code destination}, handshake done, with a loopback port for PixelMed. */
    private PeerBridge bridge(Destination destination) throws NoConnectionException {
        try {
            return PeerBridge.tls(destination.name(), destination.host(), destination.port(), destination.timeout(),
                    Duration.ZERO, tls.context());
        } catch (IOException e) {
            throw new NoConnectionException("TLS connection to " + destination.host() + ":" + destination.port() + " failed ("
                    + e.getMessage() + ")", e);
        }
    }
}
