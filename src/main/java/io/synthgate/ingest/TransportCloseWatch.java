package io.synthgate.ingest;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Ends an association's wait for its transport connection to close (PS3.8 State 13) as soon as the
 * peer closes it. After sending A-RELEASE-RP or A-ABORT, PixelMed's acceptor waits its full ARTIM of
 * five seconds whatever the peer does, and its worker stays busy all that time: sixteen workers then
 * take at most about three associations a second, and a sender that opens one per study is refused.
 * This watch reads the connection until the peer closes it, or until the ARTIM passes, and then
 * wakes the waiting association: PixelMed waits on the association's own monitor, so a notify there
 * ends its ARTIM early, and it closes the connection at once.
 */
final class TransportCloseWatch {

    private static final int A_RELEASE_RP = 0x06;
    private static final int A_ABORT = 0x07;

    private final Socket socket;
    private final Duration artim;
    private final Executor watchers;
    private final AtomicBoolean started = new AtomicBoolean();
    /** The PixelMed association whose monitor it waits on, once negotiated; before that, PixelMed's own wait stands. */
    private volatile Object association;

    TransportCloseWatch(Socket socket, Duration artim, Executor watchers) {
        this.socket = socket;
        this.artim = artim;
        this.watchers = watchers;
    }

    /** The association negotiated over the socket, which a release or abort from now on wakes. */
    void watch(Object negotiated) {
        association = negotiated;
    }

    /** The socket's output for PixelMed, which starts the watch once a release response or abort goes out. */
    OutputStream output() throws IOException {
        return new FilterOutputStream(socket.getOutputStream()) {
            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                out.write(bytes, offset, length);
                // PixelMed writes every PDU in one call, so a write starts with the PDU type.
                if (length > 0) {
                    sent(bytes[offset] & 0xff);
                }
            }
        };
    }

    private void sent(int pduType) {
        if ((pduType == A_RELEASE_RP || pduType == A_ABORT) && started.compareAndSet(false, true)) {
            try {
                watchers.execute(this::awaitPeerClose);
            } catch (RejectedExecutionException e) {
                // The gateway is stopping, or every watcher is busy: PixelMed's own wait ends the association.
            }
        }
    }

    private void awaitPeerClose() {
        long deadline = System.nanoTime() + artim.toNanos();
        try {
            socket.setSoTimeout((int) artim.toMillis());
            InputStream in = socket.getInputStream();
            byte[] ignored = new byte[512];
            while (in.read(ignored) >= 0) {
                // Anything the peer sends after our release response or abort is not answered.
            }
        } catch (IOException closedTimedOutOrReset) {
            // Each of these ends the wait for the peer as much as its orderly close does.
        }
        Object waiting = association;
        // The association may not be waiting yet when the peer closes: wake it until it has closed the socket.
        while (waiting != null && !socket.isClosed() && System.nanoTime() < deadline) {
            synchronized (waiting) {
                waiting.notifyAll();
            }
            try {
                TimeUnit.MILLISECONDS.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
