package io.synthgate.export;

import com.pixelmed.dicom.SetOfDicomFiles;
import com.pixelmed.network.MultipleInstanceTransferStatusHandlerWithFileName;
import com.pixelmed.network.StorageSOPClassSCU;
import com.pixelmed.network.VerificationSOPClassSCU;
import io.synthgate.pipeline.CpuPermits;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The DICOM SCU side, on PixelMed: C-STORE a batch of files over one association, and C-ECHO. Calls
 * with {@code synthgate.export.calling-ae-title} as calling AE.
 */
@ApplicationScoped
public class DicomPeerClient {

    private final String callingAeTitle;

    public DicomPeerClient(ExportConfig config) {
        this.callingAeTitle = config.callingAeTitle();
    }

    /**
     * Sends the files over one association.
     *
     * @return the paths the peer acknowledged with a success status
     */
    public Set<Path> store(Destination destination, List<Path> files) throws Exception {
        requireReachable(destination);
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
        StorageSOPClassSCU scu = CpuPermits.whileWaiting(() -> new StorageSOPClassSCU(destination.host(),
                destination.port(), destination.aeTitle().value(), callingAeTitle, set, 0, handler));
        if (stored.isEmpty() && scu.encounteredTrappedExceptions()) {
            throw new IOException("the association failed (PixelMed logged the cause under com.pixelmed)");
        }
        return stored;
    }

    /** PixelMed only logs a refused connection; checking first gives the job a reason an admin can act on. */
    private static void requireReachable(Destination destination) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(destination.host(), destination.port()),
                    (int) destination.timeout().toMillis());
        } catch (IOException e) {
            throw new IOException("cannot connect to " + destination.host() + ":" + destination.port() + " ("
                    + e.getMessage() + ")", e);
        }
    }

    /** C-ECHO; throws when the peer cannot be reached or refuses. */
    public void echo(Destination destination) throws Exception {
        requireReachable(destination);
        new VerificationSOPClassSCU(destination.host(), destination.port(), destination.aeTitle().value(),
                callingAeTitle, false);
    }
}
