package io.synthgate.export;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.SetOfDicomFiles;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.network.AReleaseException;
import com.pixelmed.network.Association;
import com.pixelmed.network.AssociationFactory;
import com.pixelmed.network.DicomNetworkException;
import com.pixelmed.network.MultipleInstanceTransferStatusHandlerWithFileName;
import com.pixelmed.network.PresentationContextListFactory;
import com.pixelmed.network.VerificationSOPClassSCU;
import io.synthgate.dicom.AeTitle;
import io.synthgate.dicom.PeerBridge;
import io.synthgate.dicom.QueryAssociation;
import io.synthgate.pipeline.CpuPermits;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The DICOM SCU side, on PixelMed: C-STORE a batch of files over one association, C-FIND them back
 * (or probe whether C-FIND is answered at all), and C-ECHO. Calls with
 * {@code synthgate.export.calling-ae-title} as calling AE; to a destination with {@code tls=true}
 * through a {@link PeerBridge}.
 */
@ApplicationScoped
public class DicomPeerClient {

    /** SOP Instance UIDs per C-FIND: a UID list's value length must stay under 64 KiB. */
    private static final int UIDS_PER_QUERY = 200;
    /** The UUID-derived UID of the nil UUID: no real study has it, so the probe's C-FIND matches nothing. */
    private static final String NO_SUCH_STUDY = "2.25.0";

    private final String callingAeTitle;
    private final ClientTls tls;

    public DicomPeerClient(ExportConfig config, ClientTls tls) {
        this.callingAeTitle = config.callingAeTitle();
        this.tls = tls;
    }

    /**
     * Sends the files over one association.
     *
     * @return what the peer answered to each file
     * @throws NoConnectionException when no connection could be made, so nothing was sent
     * @throws IOException when the association failed (was rejected, aborted, or stalled for the
     *         destination's timeout) with nothing answered
     */
    public StoreAnswers store(Destination destination, List<Path> files) throws Exception {
        try (PeerBridge bridge = bridge(destination)) {
            return CpuPermits.whileWaiting(() -> store(destination, bridge, files));
        }
    }

    private StoreAnswers store(Destination destination, PeerBridge bridge, List<Path> files)
            throws DicomException, DicomNetworkException, IOException {
        SetOfDicomFiles set = new SetOfDicomFiles();
        for (Path file : files) {
            set.add(file.toFile());
        }
        Map<String, Path> bySop = new HashMap<>();
        Set<Path> stored = new HashSet<>();
        MultipleInstanceTransferStatusHandlerWithFileName handler = new MultipleInstanceTransferStatusHandlerWithFileName() {
            @Override
            public void updateStatus(int remaining, int completed, int failed, int warning, String sopInstanceUid,
                    String fileName, boolean success) {
                bySop.put(sopInstanceUid, Path.of(fileName));
                if (success) {
                    stored.add(Path.of(fileName));
                }
            }
        };
        Association association;
        try {
            association = AssociationFactory.createNewAssociation(bridge.host(), bridge.port(),
                    destination.aeTitle().value(), callingAeTitle,
                    new PresentationContextListFactory().createNewPresentationContextList(set, 0), null, false);
        } catch (DicomNetworkException | IOException e) {
            throw new IOException("the association from " + callingAeTitle + " failed: " + bridge.why(e), e);
        }
        StatusKeepingStorageScu scu = new StatusKeepingStorageScu();
        try {
            scu.send(association, set, handler);
            association.release();
        } catch (AReleaseException released) {
            // The peer released first: what it answered before stands.
        } catch (DicomNetworkException | IOException e) {
            if (scu.statuses().isEmpty()) {
                throw new IOException("the association from " + callingAeTitle + " failed: " + bridge.why(e), e);
            }
        }
        Map<String, Integer> statuses = scu.statuses();
        Map<Path, Integer> refused = new HashMap<>();
        statuses.forEach((sop, status) -> {
            Path file = bySop.get(sop);
            if (file != null && !stored.contains(file)) {
                refused.put(file, status);
            }
        });
        return new StoreAnswers(stored, refused);
    }

    /**
     * The files among {@code files} the destination holds: one C-FIND at image level per series, all on
     * one association, for the SOP Instance UIDs of the files of that series.
     *
     * @throws NoConnectionException when no connection could be made
     * @throws IOException when the destination did not accept the association, broke it off, or answered a
     *         C-FIND with a failure status
     */
    public Set<Path> held(Destination destination, Collection<Path> files) throws IOException {
        Map<List<String>, Map<String, Path>> bySeries = new HashMap<>();
        for (Path file : files) {
            AttributeList header = header(file);
            bySeries.computeIfAbsent(List.of(value(header, TagFromName.StudyInstanceUID),
                    value(header, TagFromName.SeriesInstanceUID)), series -> new HashMap<>())
                    .put(value(header, TagFromName.SOPInstanceUID), file);
        }
        return query(destination, association -> {
            Set<Path> held = new HashSet<>();
            for (Map.Entry<List<String>, Map<String, Path>> series : bySeries.entrySet()) {
                held.addAll(heldOf(association, series.getKey(), series.getValue()));
            }
            return held;
        });
    }

    /**
     * Whether the destination answers a C-FIND from SynthGate's calling AE title, as {@code confirm-stored}
     * needs: one at study level for a Study Instance UID that names no study, so it costs the PACS next to
     * nothing; a success status, with or without matches, is an answer.
     *
     * @throws IOException when it did not accept the association, broke it off, or answered with a failure status
     */
    public void probeFind(Destination destination) throws IOException {
        query(destination, association -> {
            AttributeList keys = new AttributeList();
            QueryAssociation.putKey(keys, TagFromName.QueryRetrieveLevel, "STUDY");
            QueryAssociation.putKey(keys, TagFromName.StudyInstanceUID, NO_SUCH_STUDY);
            return association.find(keys);
        });
    }

    /** What {@code queries} answers, asked on one C-FIND association to {@code destination}. */
    private <T> T query(Destination destination, Query<T> queries) throws IOException {
        PeerBridge bridge = bridge(destination);
        QueryAssociation opened;
        try {
            opened = QueryAssociation.open(bridge, destination.aeTitle(), new AeTitle(callingAeTitle),
                    QueryAssociation.FIND, "it");
        } catch (IOException e) {
            throw new IOException("the C-FIND from " + callingAeTitle + " failed: " + e.getMessage(), e);
        }
        try (QueryAssociation association = opened) {
            T answer = queries.ask(association);
            association.release();
            return answer;
        } catch (DicomException | DicomNetworkException | IOException | RuntimeException e) {
            throw new IOException("the C-FIND from " + callingAeTitle + " failed: " + bridge.why(e), e);
        }
    }

    /** Queries asked on an open C-FIND association. */
    @FunctionalInterface
    private interface Query<T> {
        T ask(QueryAssociation association) throws DicomException, DicomNetworkException, IOException;
    }

    /** The files of one series ({@code bySop}, by SOP Instance UID) it holds, asked in chunks of UIDs. */
    private static Set<Path> heldOf(QueryAssociation association, List<String> series, Map<String, Path> bySop)
            throws DicomException, DicomNetworkException, IOException {
        Set<Path> held = new HashSet<>();
        List<String> uids = List.copyOf(bySop.keySet());
        for (int from = 0; from < uids.size(); from += UIDS_PER_QUERY) {
            List<String> chunk = uids.subList(from, Math.min(uids.size(), from + UIDS_PER_QUERY));
            for (AttributeList match : association.find(imageKeys(series, chunk))) {
                Path file = bySop.get(value(match, TagFromName.SOPInstanceUID));
                if (file != null) {
                    held.add(file);
                }
            }
        }
        return held;
    }

    private static AttributeList imageKeys(List<String> series, List<String> sopInstanceUids) throws DicomException {
        AttributeList keys = new AttributeList();
        QueryAssociation.putKey(keys, TagFromName.QueryRetrieveLevel, "IMAGE");
        QueryAssociation.putKey(keys, TagFromName.StudyInstanceUID, series.get(0));
        QueryAssociation.putKey(keys, TagFromName.SeriesInstanceUID, series.get(1));
        QueryAssociation.putKey(keys, TagFromName.SOPInstanceUID, String.join("\\", sopInstanceUids));
        return keys;
    }

    private static AttributeList header(Path file) throws IOException {
        AttributeList header = new AttributeList();
        try {
            header.read(file.toFile(), TagFromName.PixelData);
        } catch (DicomException e) {
            throw new IOException("cannot read " + file.getFileName() + ": " + e.getMessage(), e);
        }
        return header;
    }

    private static String value(AttributeList list, AttributeTag tag) {
        return Attribute.getSingleStringValueOrEmptyString(list, tag);
    }

    /** C-ECHO; throws when the peer cannot be reached, refuses, stalls, or (over TLS) fails the handshake. */
    public void echo(Destination destination) throws Exception {
        try (PeerBridge bridge = bridge(destination)) {
            try {
                new VerificationSOPClassSCU(bridge.host(), bridge.port(), destination.aeTitle().value(), callingAeTitle,
                        false);
            } catch (Exception e) {
                throw new IOException(bridge.why(e), e);
            }
        }
    }

    /**
     * The connection to {@code destination}, made here rather than by PixelMed (which only logs a refused
     * connection, and reads without a time limit): over TLS, handshake done, when it has {@code tls=true};
     * given up once nothing has gone either way for its timeout, so a PACS that hangs holds no export
     * and no check for ever.
     */
    private PeerBridge bridge(Destination destination) throws NoConnectionException {
        try {
            return destination.tls()
                    ? PeerBridge.tls(destination.name(), destination.host(), destination.port(), destination.timeout(),
                            destination.timeout(), tls.context())
                    : PeerBridge.plain(destination.name(), destination.host(), destination.port(), destination.timeout(),
                            destination.timeout());
        } catch (IOException e) {
            throw new NoConnectionException((destination.tls() ? "TLS connection to " : "cannot connect to ")
                    + destination.host() + ":" + destination.port() + (destination.tls() ? " failed (" : " (")
                    + e.getMessage() + ")", e);
        }
    }
}
