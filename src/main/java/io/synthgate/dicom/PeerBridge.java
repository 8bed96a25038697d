package io.synthgate.dicom;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import org.jboss.logging.Logger;

/**
 * One association's way to a peer (a destination, a source), for what PixelMed's SCU cannot do on the
 * socket it opens itself: speak modern TLS (its own offers only TLS_RSA_WITH_AES_128_CBC_SHA), and give
 * up on a peer that goes silent (it reads without a time limit). The bridge opens the connection
 * itself, over TLS 1.2 or 1.3 with forward-secret AEAD suites and the peer's certificate and host name
 * checked, or plain; then listens on a loopback port for exactly one connection, PixelMed's, and relays
 * bytes both ways until either side closes, or until nothing has gone either way for the idle limit: a
 * peer that stops answering, or stops taking what is sent to it, is given up; a long upload, during
 * which the peer says nothing until its response, is not.
 */
public final class PeerBridge implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(PeerBridge.class);
    /** One thread checks every bridge's idle time, rather than a read time limit that TLS cannot resume from. */
    private static final ScheduledExecutorService IDLE_CHECKS = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "dicom-bridge-idle-check");
        thread.setDaemon(true);
        return thread;
    });

    private final String name;
    private final Socket remote;
    private final ServerSocket local;
    private final Duration idleLimit;
    private volatile boolean wentSilent;
    /** When bytes last went either way, as {@link System#nanoTime()}. */
    private volatile long lastActivity = System.nanoTime();
    private volatile ScheduledFuture<?> idleCheck;

    private PeerBridge(String name, Socket remote, ServerSocket local, Duration idleLimit) {
        this.name = name;
        this.remote = remote;
        this.local = local;
        this.idleLimit = idleLimit;
    }

    /**
     * Connects and completes the TLS handshake with the peer {@code name} at {@code host}:{@code port} now,
     * so a refused certificate is the caller's error, then waits for PixelMed on a loopback port.
     *
     * @param idleLimit how long nothing may go either way before the connection is closed; zero: no limit
     */
    public static PeerBridge tls(String name, String host, int port, Duration timeout, Duration idleLimit,
            SSLContext context) throws IOException {
        SSLSocket remote = (SSLSocket) context.getSocketFactory().createSocket();
        try {
            remote.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
            remote.setSoTimeout((int) timeout.toMillis());
            SSLParameters parameters = remote.getSSLParameters();
            parameters.setProtocols(TlsContexts.PROTOCOLS.toArray(String[]::new));
            parameters.setCipherSuites(TlsContexts.modernSuites(remote.getSupportedCipherSuites()));
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            remote.setSSLParameters(parameters);
            remote.startHandshake();
            return start(name, remote, idleLimit);
        } catch (IOException e) {
            remote.close();
            throw e;
        }
    }

    /** Connects to the peer without TLS, for the idle limit alone. */
    public static PeerBridge plain(String name, String host, int port, Duration timeout, Duration idleLimit)
            throws IOException {
        Socket remote = new Socket();
        try {
            remote.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
            return start(name, remote, idleLimit);
        } catch (IOException e) {
            remote.close();
            throw e;
        }
    }

    private static PeerBridge start(String name, Socket remote, Duration idleLimit) throws IOException {
        remote.setTcpNoDelay(true);
        remote.setSoTimeout(0);
        ServerSocket local = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        PeerBridge bridge = new PeerBridge(name, remote, local, idleLimit);
        if (!idleLimit.isZero()) {
            long period = Math.max(10, Math.min(1000, idleLimit.toMillis() / 4));
            bridge.idleCheck = IDLE_CHECKS.scheduleAtFixedRate(bridge::closeIfIdle, period, period,
                    TimeUnit.MILLISECONDS);
        }
        Thread relay = new Thread(bridge::relay, "dicom-bridge-" + name);
        relay.setDaemon(true);
        relay.start();
        return bridge;
    }

    /** The loopback address to give PixelMed instead of the peer's host. */
    public String host() {
        return local.getInetAddress().getHostAddress();
    }

    /** The loopback port to give PixelMed instead of the peer's. */
    public int port() {
        return local.getLocalPort();
    }

    /**
     * Why an exchange through the bridge failed: the stalled connection when the bridge ended it for that
     * (PixelMed then only sees a closed socket), else {@code failure}'s own message, with PixelMed's
     * words for an A-ABORT from the peer put plainly.
     */
    public String why(Exception failure) {
        return why(plainly(failure.getMessage()));
    }

    /**
     * PixelMed reports an A-ABORT the peer's application sent as "A-P-ABORT indication -
     * com.pixelmed.network.DicomNetworkException: A-ABORT indication - by DICOM UL Service User", which
     * tells an admin neither who ended the association nor that it was on purpose, as a PACS does with
     * a request from an AE title it does not allow.
     */
    static String plainly(String pixelMedMessage) {
        return pixelMedMessage != null && pixelMedMessage.contains("A-ABORT indication - by DICOM UL Service User")
                ? "the PACS aborted the association (A-ABORT)" : pixelMedMessage;
    }

    /** The stalled connection when the bridge ended it for that, else {@code otherwise}. */
    public String why(String otherwise) {
        return wentSilent ? "nothing went to or from the PACS for " + idleLimit.toSeconds() + " s" : otherwise;
    }

    private void relay() {
        try (Socket plain = local.accept()) {
            local.close();
            plain.setTcpNoDelay(true);
            Thread back = new Thread(() -> pipe(remote, plain), Thread.currentThread().getName() + "-back");
            back.setDaemon(true);
            back.start();
            pipe(plain, remote);
            back.join();
        } catch (IOException e) {
            LOG.debugf("Bridge to %s ended: %s", name, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            close();
        }
    }

    /** Copies until {@code from} ends, then shuts the other side's output so the peer sees the end too. */
    private void pipe(Socket from, Socket to) {
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            byte[] buffer = new byte[64 * 1024];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                lastActivity = System.nanoTime();
                out.write(buffer, 0, n);
                out.flush();
                lastActivity = System.nanoTime();
            }
            if (to instanceof SSLSocket) {
                to.close();
            } else {
                to.shutdownOutput();
            }
        } catch (IOException closed) {
            // One side went away; closing both ends the association as PixelMed expects.
            closeQuietly(to);
            closeQuietly(from);
        }
    }

    /** Closes the connection once nothing has gone either way for the idle limit. */
    private void closeIfIdle() {
        if (System.nanoTime() - lastActivity >= idleLimit.toNanos() && !remote.isClosed()) {
            wentSilent = true;
            LOG.warnf("Nothing went to or from %s for %d s; the connection is closed", name, idleLimit.toSeconds());
            close();
        }
    }

    @Override
    public void close() {
        ScheduledFuture<?> check = idleCheck;
        if (check != null) {
            check.cancel(false);
        }
        closeQuietly(local);
        closeQuietly(remote);
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // Already closed, or closing cannot fail in a way that matters here.
        }
    }
}
