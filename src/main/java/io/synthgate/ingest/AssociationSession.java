package io.synthgate.ingest;

import com.pixelmed.network.AReleaseException;
import com.pixelmed.network.Association;
import com.pixelmed.network.AssociationFactory;
import com.pixelmed.network.CEchoResponseCommandMessage;
import com.pixelmed.network.CStoreResponseCommandMessage;
import com.pixelmed.network.PresentationContextSelectionPolicy;
import io.synthgate.dicom.DimseStatus;
import io.synthgate.spool.Spool;
import java.io.EOFException;
import java.io.IOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.Executor;
import javax.net.ssl.SSLException;
import org.jboss.logging.Logger;

/**
 * One connection from A-ASSOCIATE-RQ to release: a greeter reads the request and checks the caller
 * against the allowlist before PixelMed negotiates, then a worker answers each C-ECHO or C-STORE in
 * turn. Nothing thrown here escapes to the listener; a broken association only ever ends itself.
 */
final class AssociationSession implements Runnable {

    private static final Logger LOG = Logger.getLogger(AssociationSession.class);
    /** How long a released or aborted association waits for the peer to close the connection (PixelMed's). */
    private static final Duration ARTIM = Duration.ofSeconds(5);

    private final Socket socket;
    private final DicomListenerConfig config;
    private final CallerAllowlist allowlist;
    private final PresentationContextSelectionPolicy policy;
    private final Spool spool;
    private final IngestService ingest;
    private final Executor closeWatchers;
    private final AssociationWorkers workers;
    private final DicomMetrics metrics;

    AssociationSession(Socket socket, DicomListenerConfig config, CallerAllowlist allowlist,
            PresentationContextSelectionPolicy policy, Spool spool, IngestService ingest, Executor closeWatchers,
            AssociationWorkers workers, DicomMetrics metrics) {
        this.workers = workers;
        this.metrics = metrics;
        this.socket = socket;
        this.config = config;
        this.allowlist = allowlist;
        this.policy = policy;
        this.spool = spool;
        this.ingest = ingest;
        this.closeWatchers = closeWatchers;
    }

    /**
     * Greets the connection on a greeter thread: reads its A-ASSOCIATE-RQ within the request timeout,
     * answers A-ASSOCIATE-RJ to a caller that is not allowed, and hands an allowed one to an association
     * worker, or refuses it when every worker is busy. Silent or refused connections so never occupy a
     * worker.
     */
    @Override
    public void run() {
        String remote = socket.getInetAddress().getHostAddress();
        boolean handedOver = false;
        try {
            socket.setTcpNoDelay(true);
            socket.setSoTimeout((int) config.requestTimeout().toMillis());
            AssociateRequest request = AssociateRequest.read(socket.getInputStream());
            String caller = request.callingAeTitle() + "@" + remote;
            if (!request.calledAeTitle().equals(config.aeTitle())) {
                reject(AssociateRequest.Rejection.CALLED_AE_NOT_RECOGNIZED);
                metrics.rejected(DicomMetrics.Rejection.CALLED_AE_TITLE);
                LOG.warnf("Rejected association from %s: it called AE title '%s', ours is '%s'", caller,
                        request.calledAeTitle(), config.aeTitle());
                return;
            }
            if (!allowlist.permits(request.callingAeTitle(), socket.getInetAddress())) {
                reject(AssociateRequest.Rejection.CALLING_AE_NOT_RECOGNIZED);
                metrics.rejected(DicomMetrics.Rejection.CALLING_AE_TITLE);
                LOG.warnf("Rejected association from %s: caller is not in synthgate.dicom.allowed-callers", caller);
                return;
            }
            handedOver = workers.serve(() -> associate(request, caller));
            if (!handedOver) {
                reject(AssociateRequest.Rejection.LOCAL_LIMIT_EXCEEDED);
                metrics.rejected(DicomMetrics.Rejection.BUSY);
                LOG.warnf("Rejected association from %s: all synthgate.dicom.max-associations workers are busy", caller);
            }
        } catch (SocketTimeoutException silent) {
            metrics.rejected(DicomMetrics.Rejection.REQUEST_TIMEOUT);
            LOG.warnf("Closed connection from %s: no A-ASSOCIATE-RQ within synthgate.dicom.request-timeout (%s)",
                    remote, config.requestTimeout());
        } catch (ProtocolViolation e) {
            metrics.rejected(DicomMetrics.Rejection.PROTOCOL_ERROR);
            send(e.abortPdu());
            LOG.warnf("Aborted connection from %s: %s", remote, e.getMessage());
        } catch (SSLException e) {
            metrics.rejected(DicomMetrics.Rejection.TLS);
            LOG.warnf("Refused TLS connection from %s: the handshake failed: %s", remote, e.getMessage());
        } catch (EOFException e) {
            LOG.debugf("Connection from %s closed by the peer", remote);
        } catch (Exception e) {
            LOG.warnf("Connection from %s ended abnormally: %s", remote, e.toString());
        } finally {
            if (!handedOver) {
                closeQuietly(socket);
            }
        }
    }

    /** Negotiates and serves an allowed caller's association on a worker, until release, abort or silence. */
    private void associate(AssociateRequest request, String caller) {
        PduGate gate;
        try {
            gate = new PduGate(socket.getInputStream(), socket.getOutputStream(), config.maxPduLength(),
                    config.idleTimeout());
        } catch (IOException gone) {
            closeQuietly(socket);
            return;
        }
        try {
            socket.setSoTimeout((int) config.idleTimeout().toMillis());
            TransportCloseWatch closeWatch = new TransportCloseWatch(socket, ARTIM, closeWatchers);
            Association association = AssociationFactory.createNewAssociation(
                    new ReplayingSocket(socket, request.pdu(), gate, closeWatch.output()), config.aeTitle(),
                    config.maxPduLength(), 0, 0, policy);
            closeWatch.watch(association);
            LOG.debugf("Association accepted from %s", caller);
            metrics.opened();
            try {
                serve(association, request.callingAeTitle());
                metrics.ended(DicomMetrics.Ending.RELEASED);
            } finally {
                metrics.closed();
            }
        } catch (Exception e) {
            ended(gate, caller, e);
        } finally {
            closeQuietly(socket);
        }
    }

    /**
     * Logs on one line how an association ended other than by release and counts it; after a failure on
     * our side it answers A-ABORT too (the gate has already answered violations and silence). PixelMed
     * reports all of these as one exception and logs its own trace, which the configuration silences, so
     * this line is the only one.
     */
    private void ended(PduGate gate, String caller, Exception e) {
        switch (gate.ending()) {
            case VIOLATION -> {
                metrics.ended(DicomMetrics.Ending.PROTOCOL_ERROR);
                LOG.warnf("Aborted association from %s: %s", caller, gate.violation().getMessage());
            }
            case PEER_ABORTED -> {
                metrics.ended(DicomMetrics.Ending.PEER_ABORTED);
                LOG.warnf("Association from %s was aborted by the peer%s", caller, unfinished(gate));
            }
            case PEER_CLOSED -> {
                metrics.ended(DicomMetrics.Ending.PEER_CLOSED);
                LOG.warnf("Association from %s ended: the peer closed the connection without release%s", caller,
                        unfinished(gate));
            }
            case SILENT -> {
                metrics.ended(DicomMetrics.Ending.IDLE);
                LOG.warnf("Aborted association from %s: idle for longer than synthgate.dicom.idle-timeout (%s)", caller,
                        config.idleTimeout());
            }
            case NONE -> {
                metrics.ended(DicomMetrics.Ending.FAILED);
                send(ProtocolViolation.abortPdu(ProtocolViolation.NOT_SPECIFIED));
                LOG.warnf("Aborted association from %s: %s", caller, rootCause(e));
            }
        }
    }

    private static String unfinished(PduGate gate) {
        return gate.insidePdu() ? "; the message it was sending was discarded and not acknowledged" : "";
    }

    /** PixelMed wraps what went wrong in its own exceptions, often twice; the innermost one names it. */
    private static String rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }

    /** Serves requests until the peer releases, aborts or goes quiet. */
    private void serve(Association association, String callingAeTitle) throws Exception {
        while (true) {
            InboundMessage message = new InboundMessage(spool, spool.hasRoom());
            association.setReceivedDataHandler(message);
            try {
                association.waitForPDataPDUsUntilHandlerReportsDone();
            } catch (AReleaseException released) {
                return;
            } catch (Exception broken) {
                message.discard();
                throw broken;
            }
            association.send(message.presentationContextId(), respond(message, callingAeTitle), null);
        }
    }

    private byte[] respond(InboundMessage message, String callingAeTitle) throws Exception {
        if (message.isEcho()) {
            return new CEchoResponseCommandMessage(message.affectedSopClassUid(), message.messageId(),
                    DimseStatus.SUCCESS.code()).getBytes();
        }
        StoreRequest request = message.storeRequest(callingAeTitle);
        DimseStatus status = ingest.accept(request);
        return new CStoreResponseCommandMessage(request.affectedSopClassUid(), request.affectedSopInstanceUid(),
                message.messageId(), status.code()).getBytes();
    }

    /** Sends a last PDU such as A-ABORT; a peer already gone is simply left. */
    private void send(byte[] pdu) {
        try {
            socket.getOutputStream().write(pdu);
            socket.getOutputStream().flush();
        } catch (IOException gone) {
            LOG.debugf("Could not send the last PDU: %s", gone.getMessage());
        }
    }

    private void reject(AssociateRequest.Rejection rejection) throws IOException {
        socket.getOutputStream().write(rejection.pdu());
        socket.getOutputStream().flush();
    }

    /** Closes a connection that is refused before any word, or whose greeting went wrong. */
    static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // Nothing more can be done for a connection that will not even close cleanly.
        }
    }
}
