package io.synthgate.ingest;

import com.pixelmed.network.PresentationContextSelectionPolicy;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.synthgate.spool.Spool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * The DICOM SCP's accept loops: its own server socket (bind address, port), and a second one for DICOM
 * over TLS when {@code synthgate.dicom.tls.port} is set; hosts no allowed caller admits are closed at
 * accept; the others wait for their A-ASSOCIATE-RQ (and do their TLS handshake) in a bounded pool of
 * greeters (capped per host), and only allowed associations reach the bounded pool of workers, which
 * both listeners share.
 */
@ApplicationScoped
public class DicomListener {

    private static final Logger LOG = Logger.getLogger(DicomListener.class);
    /** DCMTK's smallest; below it every object takes thousands of PDUs. */
    private static final int MIN_PDU_LENGTH = 4096;
    /**
     * Each association holds at most one PDU of this length, so the listener's buffers stay below
     * max-associations times this (64 MiB with 16 associations).
     */
    private static final int MAX_PDU_LENGTH = 4 * 1024 * 1024;

    private final DicomListenerConfig config;
    private final SourcesConfig sources;
    private final Spool spool;
    private final IngestService ingest;
    private final DicomMetrics metrics;
    private final PresentationContextSelectionPolicy policy = new StoragePresentationContexts();
    private volatile ServerSocket serverSocket;
    private volatile ServerSocket tlsServerSocket;
    private volatile boolean running;
    private AssociationWorkers workers;
    private ExecutorService greeters;
    private ExecutorService closeWatchers;
    private final Map<InetAddress, AtomicInteger> pendingByHost = new ConcurrentHashMap<>();
    private Thread acceptor;
    private Thread tlsAcceptor;

    public DicomListener(DicomListenerConfig config, SourcesConfig sources, Spool spool, IngestService ingest,
            DicomMetrics metrics) {
        this.metrics = metrics;
        this.config = config;
        this.sources = sources;
        this.spool = spool;
        this.ingest = ingest;
    }

    void start(@Observes StartupEvent event) {
        List<String> allowedCallers = allowedCallers();
        CallerAllowlist allowlist = CallerAllowlist.parse(allowedCallers);
        if (config.maxPduLength() < MIN_PDU_LENGTH || config.maxPduLength() > MAX_PDU_LENGTH) {
            throw new IllegalArgumentException("synthgate.dicom.max-pdu-length is " + config.maxPduLength()
                    + "; it must lie between " + MIN_PDU_LENGTH + " and " + MAX_PDU_LENGTH + " bytes");
        }
        try {
            ServerSocket socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getByName(config.bindAddress()), config.port()), 128);
            serverSocket = socket;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot listen for DICOM on " + config.bindAddress() + ":" + config.port(), e);
        }
        workers = new AssociationWorkers(config.maxAssociations(), threads("dicom-association"));
        // Greeters hold connections until their A-ASSOCIATE-RQ arrives, so silent ones wait here, not in
        // the workers that serve real associations.
        greeters = new ThreadPoolExecutor(0, config.maxPendingConnections(), 10, TimeUnit.SECONDS,
                new SynchronousQueue<>(), threads("dicom-greeter"));
        // One watch per association, and a watch may outlive its association by a moment: one that
        // arrives then waits that moment in the queue rather than being refused, which would leave its
        // association to PixelMed's full ARTIM and a sender opening associations back to back refused.
        ThreadPoolExecutor watchers = new ThreadPoolExecutor(2 * config.maxAssociations(), 2 * config.maxAssociations(),
                10, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), threads("dicom-close-watch"));
        watchers.allowCoreThreadTimeOut(true);
        closeWatchers = watchers;
        if (config.tls().port().isPresent()) {
            tlsServerSocket = DicomTls.bind(config.tls(), config.bindAddress(), config.tls().port().get());
        }
        running = true;
        acceptor = acceptor(serverSocket, allowlist, "dicom-acceptor");
        LOG.infof("DICOM SCP %s listening on %s:%d; allowed callers %s", config.aeTitle(), config.bindAddress(), port(),
                allowedCallers);
        if (tlsServerSocket != null) {
            tlsAcceptor = acceptor(tlsServerSocket, allowlist, "dicom-tls-acceptor");
            LOG.infof("DICOM SCP %s listening for TLS (%s) on %s:%d; client certificates %s", config.aeTitle(),
                    String.join(", ", config.tls().protocols()), config.bindAddress(), tlsPort(),
                    config.tls().clientAuth() == DicomListenerConfig.ClientAuth.REQUIRED ? "required" : "not asked for");
        }
    }

    /**
     * The configured callers and every source's AE title on its host: a C-MOVE from a source arrives as
     * C-STOREs the source opens, calling with its own title.
     */
    private List<String> allowedCallers() {
        List<String> callers = new ArrayList<>(config.allowedCallers());
        sources.sources().values().forEach(source -> callers.add(source.aeTitle() + "@" + source.host()));
        return callers;
    }

    private Thread acceptor(ServerSocket socket, CallerAllowlist allowlist, String name) {
        Thread thread = new Thread(() -> acceptLoop(socket, allowlist), name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        for (ServerSocket socket : new ServerSocket[] {serverSocket, tlsServerSocket}) {
            try {
                if (socket != null) {
                    socket.close();
                }
            } catch (IOException e) {
                LOG.debug("Closing a server socket failed", e);
            }
        }
        if (workers != null) {
            greeters.shutdownNow();
            workers.stop(Duration.ofSeconds(10));
            // Only now: a released association still waiting for its peer's close needs its watch.
            closeWatchers.shutdownNow();
        }
    }

    /** Whether the accept loops are up and their sockets open (the TLS one too, when configured). */
    public boolean isListening() {
        boolean tlsUp = tlsServerSocket == null || accepting(tlsServerSocket, tlsAcceptor);
        return running && accepting(serverSocket, acceptor) && tlsUp;
    }

    private static boolean accepting(ServerSocket socket, Thread acceptor) {
        return socket != null && !socket.isClosed() && acceptor != null && acceptor.isAlive();
    }

    /** The bound TLS port, or -1 without a TLS listener. */
    public int tlsPort() {
        ServerSocket socket = tlsServerSocket;
        return socket == null ? -1 : socket.getLocalPort();
    }

    /** The bound port (differs from the configured one when that was 0). */
    public int port() {
        ServerSocket socket = serverSocket;
        return socket == null ? -1 : socket.getLocalPort();
    }

    private void acceptLoop(ServerSocket server, CallerAllowlist allowlist) {
        while (running) {
            Socket socket;
            try {
                socket = server.accept();
            } catch (SocketException closed) {
                if (running) {
                    LOG.error("DICOM server socket closed unexpectedly", closed);
                }
                return;
            } catch (IOException e) {
                LOG.warn("Accepting a DICOM connection failed", e);
                continue;
            }
            if (!allowlist.admitsHost(socket.getInetAddress())) {
                // No entry allows this host under any AE title: close at once, before it can hold a
                // greeter waiting for an A-ASSOCIATE-RQ that would be refused anyway.
                metrics.rejected(DicomMetrics.Rejection.HOST);
                LOG.warnf("Refused connection from %s: no entry of synthgate.dicom.allowed-callers allows this host",
                        socket.getInetAddress().getHostAddress());
                AssociationSession.closeQuietly(socket);
                continue;
            }
            greet(socket, allowlist);
        }
    }

    /**
     * Hands the connection to a greeter unless its host already has
     * {@code synthgate.dicom.max-pending-connections-per-host} connections waiting, or every greeter is
     * taken; then it is closed at once.
     */
    private void greet(Socket socket, CallerAllowlist allowlist) {
        InetAddress host = socket.getInetAddress();
        AtomicInteger pending = pendingByHost.computeIfAbsent(host, h -> new AtomicInteger());
        if (pending.incrementAndGet() > config.maxPendingConnectionsPerHost()) {
            pending.decrementAndGet();
            metrics.rejected(DicomMetrics.Rejection.BUSY);
            LOG.warnf("Refused connection from %s: it already has synthgate.dicom.max-pending-connections-per-host"
                    + " (%d) connections that sent no A-ASSOCIATE-RQ", host.getHostAddress(),
                    config.maxPendingConnectionsPerHost());
            AssociationSession.closeQuietly(socket);
            return;
        }
        AssociationSession session = new AssociationSession(socket, config, allowlist, policy, spool, ingest,
                closeWatchers, workers, metrics);
        try {
            greeters.execute(() -> {
                try {
                    session.run();
                } finally {
                    pending.decrementAndGet();
                    pendingByHost.computeIfPresent(host, (h, count) -> count.get() <= 0 ? null : count);
                }
            });
        } catch (RejectedExecutionException full) {
            pending.decrementAndGet();
            metrics.rejected(DicomMetrics.Rejection.BUSY);
            LOG.warnf("Refused connection from %s: synthgate.dicom.max-pending-connections (%d) connections are"
                    + " waiting to send their A-ASSOCIATE-RQ", host.getHostAddress(), config.maxPendingConnections());
            AssociationSession.closeQuietly(socket);
        }
    }

    private static java.util.concurrent.ThreadFactory threads(String prefix) {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
