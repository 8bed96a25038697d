package io.synthgate.dicom;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import org.jboss.logging.Logger;

/**
 * One association's way to a peer (a destination, a source) over TLS. PixelMed's SCU opens its own
 * plain socket and its own TLS offers only TLS_RSA_WITH_AES_128_CBC_SHA, so the bridge opens the TLS
 * connection itself (TLS 1.2 or 1.3, forward-secret AEAD suites, the peer's certificate and host name
 * checked), then listens on a loopback port for exactly one connection, PixelMed's, and relays bytes
 * both ways until either side closes.
 */
public final class TlsBridge implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(TlsBridge.class);

    private final SSLSocket remote;
    private final ServerSocket local;

    private TlsBridge(SSLSocket remote, ServerSocket local) {
        this.remote = remote;
        this.local = local;
    }

    /**
     * Connects and completes the TLS handshake with the peer {@code name} at {@code host}:{@code port} now,
     * so a refused certificate is the caller's error, then waits for PixelMed on a loopback port.
     */
    public static TlsBridge open(String name, String host, int port, Duration timeout, SSLContext context)
            throws IOException {
        SSLSocket remote = (SSLSocket) context.getSocketFactory().createSocket();
        try {
            remote.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
            remote.setSoTimeout((int) timeout.toMillis());
            remote.setTcpNoDelay(true);
            SSLParameters parameters = remote.getSSLParameters();
            parameters.setProtocols(TlsContexts.PROTOCOLS.toArray(String[]::new));
            parameters.setCipherSuites(TlsContexts.modernSuites(remote.getSupportedCipherSuites()));
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            remote.setSSLParameters(parameters);
            remote.startHandshake();
            // From here PixelMed's own timeouts govern the association; the relay just waits.
            remote.setSoTimeout(0);
            ServerSocket local = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
            TlsBridge bridge = new TlsBridge(remote, local);
            Thread relay = new Thread(bridge::relay, "dicom-tls-bridge-" + name);
            relay.setDaemon(true);
            relay.start();
            return bridge;
        } catch (IOException e) {
            remote.close();
            throw e;
        }
    }

    /** The loopback port to give PixelMed instead of the peer's. */
    public int port() {
        return local.getLocalPort();
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
            LOG.debugf("TLS bridge ended: %s", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            close();
        }
    }

    /** Copies until {@code from} ends, then shuts the other side's output so the peer sees the end too. */
    private static void pipe(Socket from, Socket to) {
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            byte[] buffer = new byte[64 * 1024];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                out.write(buffer, 0, n);
                out.flush();
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

    @Override
    public void close() {
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
