package io.synthgate.cohort;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.DicomOutputStream;
import com.pixelmed.dicom.SOPClass;
import com.pixelmed.dicom.StoredFilePathStrategy;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.dicom.TransferSyntax;
import com.pixelmed.network.AReleaseException;
import com.pixelmed.network.Association;
import com.pixelmed.network.AssociationFactory;
import com.pixelmed.network.CFindRequestCommandMessage;
import com.pixelmed.network.CMoveRequestCommandMessage;
import com.pixelmed.network.CompositeResponseHandler;
import com.pixelmed.network.DicomNetworkException;
import com.pixelmed.network.GetSOPClassSCU;
import com.pixelmed.network.IdentifierHandler;
import com.pixelmed.network.PresentationContext;
import com.pixelmed.network.ReceivedObjectHandler;
import io.synthgate.dicom.DimseStatus;
import io.synthgate.dicom.StudyInstanceUid;
import io.synthgate.dicom.PeerBridge;
import io.synthgate.export.ClientTls;
import io.synthgate.ingest.IngestService;
import io.synthgate.ingest.StoreRequest;
import io.synthgate.spool.Spool;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * The query/retrieve SCU, on PixelMed's associations: C-FIND at study level (and series level for a
 * body part), C-MOVE of one study to SynthGate's AE, and C-GET through PixelMed's
 * {@link GetSOPClassSCU}, whose objects are kept by the {@link IngestService} exactly as a pushed
 * C-STORE's are; to a source with {@code tls=true}, over TLS with {@link ClientTls}. C-FIND and C-MOVE read the PACS's responses themselves, since PixelMed's SCU classes
 * keep neither the sub-operation counts nor the failed instances.
 */
@ApplicationScoped
public class QueryRetrieveClient {

    private static final Logger LOG = Logger.getLogger(QueryRetrieveClient.class);
    private static final AttributeTag FAILED_SOP_INSTANCE_UID_LIST = new AttributeTag(0x0008, 0x0058);
    private static final String FIND = SOPClass.StudyRootQueryRetrieveInformationModelFind;
    private static final String MOVE = SOPClass.StudyRootQueryRetrieveInformationModelMove;
    private static final String GET = SOPClass.StudyRootQueryRetrieveInformationModelGet;
    /** What a C-GET offers to receive when the PACS did not say which SOP classes a study holds. */
    private static final Set<String> COMMON_IMAGE_CLASSES = Set.of(SOPClass.ComputedRadiographyImageStorage,
            SOPClass.DigitalXRayImageStorageForPresentation, SOPClass.DigitalMammographyXRayImageStorageForPresentation,
            SOPClass.CTImageStorage, SOPClass.EnhancedCTImageStorage, SOPClass.MRImageStorage,
            SOPClass.EnhancedMRImageStorage, SOPClass.UltrasoundImageStorage, SOPClass.UltrasoundMultiframeImageStorage,
            SOPClass.SecondaryCaptureImageStorage);
    /** Command Data Set Type that says no data set follows the command. */
    private static final int NO_DATA_SET = 0x0101;

    private final IngestService ingest;
    private final Spool spool;
    private final ClientTls tls;

    public QueryRetrieveClient(IngestService ingest, Spool spool, ClientTls tls) {
        this.ingest = ingest;
        this.spool = spool;
        this.tls = tls;
    }

    /**
     * The studies the source holds for {@code query}, each once, by study date then UID: one C-FIND per
     * accession number (or one for the other keys), all on one association, and for a body part a
     * series-level C-FIND per study.
     */
    public List<StudyMatch> findStudies(Source source, StudyQuery query) throws IOException {
        Connection connection = open(source, FIND);
        try (connection) {
            Association association = connection.association();
            Map<String, StudyMatch> found = new LinkedHashMap<>();
            List<Optional<String>> accessions = query.accessionNumbers().isEmpty() ? List.of(Optional.empty())
                    : query.accessionNumbers().stream().map(Optional::of).toList();
            for (Optional<String> accession : accessions) {
                for (AttributeList answer : find(association, studyKeys(query, accession))) {
                    StudyMatch match = match(answer);
                    if (match != null && (query.bodyPart().isEmpty()
                            || hasSeriesOf(association, match.study(), query.bodyPart().get()))) {
                        found.putIfAbsent(match.study().value(), match);
                    }
                }
            }
            connection.release();
            return found.values().stream().sorted(Comparator.comparing(StudyMatch::studyDate)
                    .thenComparing(m -> m.study().value())).toList();
        } catch (DicomException | DicomNetworkException | IOException | RuntimeException e) {
            throw new IOException("C-FIND at " + source.describe() + " failed: " + connection.why(e), e);
        }
    }

    /** C-MOVE of one study to the source's move destination (SynthGate's AE, unless configured otherwise). */
    public RetrieveOutcome move(Source source, StudyInstanceUid study) {
        Connection connection;
        try {
            connection = open(source, MOVE);
        } catch (IOException e) {
            return RetrieveOutcome.broken(e.getMessage());
        }
        try (connection) {
            byte[] command = new CMoveRequestCommandMessage(MOVE, source.moveDestination().value()).getBytes();
            Responses responses = exchange(connection.association(), MOVE, command, studyIdentifier(study));
            connection.release();
            return responses.outcome();
        } catch (DicomException | DicomNetworkException | IOException | RuntimeException e) {
            return RetrieveOutcome.broken("C-MOVE of study " + study + " from " + source.describe()
                    + " broke off: " + connection.why(e));
        }
    }

    /**
     * C-GET of one study: the PACS sends its objects on the same association and each is kept as a
     * received C-STORE is. PixelMed's SCU does not report the PACS's final status, so the study counts
     * as complete when every instance the query announced was kept. It offers to receive the SOP classes
     * the query said the study holds, or the common image classes when it did not say: offering every
     * storage class would pass the 128 presentation contexts an association may have.
     */
    public RetrieveOutcome get(Source source, StudyMatch match) {
        StudyInstanceUid study = match.study();
        Optional<Integer> expected = match.instances();
        AtomicInteger kept = new AtomicInteger();
        List<String> refused = new ArrayList<>();
        ReceivedObjectHandler keeper = new ReceivedObjectHandler() {
            @Override
            public void sendReceivedObjectIndication(String fileName, String transferSyntax, String callingAe)
                    throws DicomException, IOException {
                AttributeList meta = new AttributeList();
                try {
                    meta.readOnlyMetaInformationHeader(fileName);
                } catch (DicomException | IOException e) {
                    // The ingest removes the file it is given; one it never gets must not stay behind.
                    spool.discard(Path.of(fileName));
                    throw e;
                }
                String sopInstance = Attribute.getSingleStringValueOrEmptyString(meta,
                        TagFromName.MediaStorageSOPInstanceUID);
                DimseStatus status = ingest.accept(new StoreRequest(Attribute.getSingleStringValueOrEmptyString(meta,
                        TagFromName.MediaStorageSOPClassUID), sopInstance, transferSyntax, source.aeTitle().value(),
                        Path.of(fileName), !spool.hasRoom()));
                if (status == DimseStatus.SUCCESS) {
                    kept.incrementAndGet();
                } else {
                    synchronized (refused) {
                        refused.add(sopInstance);
                    }
                }
            }
        };
        PeerBridge bridge;
        try {
            bridge = bridge(source);
        } catch (IOException e) {
            return RetrieveOutcome.broken(e.getMessage());
        }
        try (bridge) {
            new GetSOPClassSCU(bridge.host(), bridge.port(), source.aeTitle().value(), source.callingAeTitle().value(),
                    GET, studyIdentifier(study), new IdentifierHandler(), spool.temporaryFolder().toFile(),
                    StoredFilePathStrategy.BYSOPINSTANCEUIDINSINGLEFOLDER, keeper,
                    match.sopClasses().isEmpty() ? COMMON_IMAGE_CLASSES : Set.copyOf(match.sopClasses()), true, false,
                    false);
        } catch (DicomException | DicomNetworkException | IOException | RuntimeException e) {
            return RetrieveOutcome.broken("C-GET of study " + study + " from " + source.describe() + " broke off after "
                    + kept.get() + " instances: " + why(e, bridge));
        }
        int announced = expected.orElse(kept.get() + refused.size());
        if (kept.get() == 0 && refused.isEmpty()) {
            return RetrieveOutcome.broken("C-GET of study " + study + " from " + source.describe()
                    + " brought no instance (the PACS refused it, or holds none)");
        }
        boolean all = refused.isEmpty() && kept.get() >= announced;
        // PixelMed does not say the PACS's final status: "none" unless every announced instance is here.
        return new RetrieveOutcome(all ? 0x0000 : -1, kept.get(), Math.max(refused.size(), announced - kept.get()),
                0, refused, "", all ? null : "C-GET of study " + study + " kept " + kept.get() + " of the " + announced
                        + " instances the PACS announced" + (refused.isEmpty() ? "" : "; refused " + refused.size()));
    }

    private static List<AttributeList> find(Association association, AttributeList keys)
            throws DicomException, DicomNetworkException, IOException {
        Responses responses = exchange(association, FIND, new CFindRequestCommandMessage(FIND).getBytes(), keys);
        if (responses.getStatus() != 0x0000) {
            throw new IOException("answered with status " + String.format("0x%04X", responses.getStatus())
                    + responses.errorComment());
        }
        return responses.identifiers;
    }

    private static boolean hasSeriesOf(Association association, StudyInstanceUid study, String bodyPart)
            throws DicomException, DicomNetworkException, IOException {
        AttributeList keys = new AttributeList();
        put(keys, TagFromName.QueryRetrieveLevel, "SERIES");
        put(keys, TagFromName.StudyInstanceUID, study.value());
        put(keys, TagFromName.SeriesInstanceUID, "");
        put(keys, TagFromName.BodyPartExamined, bodyPart);
        return !find(association, keys).isEmpty();
    }

    private static AttributeList studyKeys(StudyQuery query, Optional<String> accession) throws DicomException {
        AttributeList keys = new AttributeList();
        put(keys, TagFromName.QueryRetrieveLevel, "STUDY");
        put(keys, TagFromName.StudyInstanceUID, String.join("\\", query.studyInstanceUids()));
        put(keys, TagFromName.AccessionNumber, accession.orElse(""));
        put(keys, TagFromName.StudyDate, query.studyDate().orElse(""));
        put(keys, TagFromName.ModalitiesInStudy, query.modality().orElse(""));
        put(keys, TagFromName.StudyDescription, query.studyDescription().orElse(""));
        put(keys, TagFromName.NumberOfStudyRelatedInstances, "");
        put(keys, TagFromName.SOPClassesInStudy, "");
        return keys;
    }

    private static AttributeList studyIdentifier(StudyInstanceUid study) throws DicomException {
        AttributeList keys = new AttributeList();
        put(keys, TagFromName.QueryRetrieveLevel, "STUDY");
        put(keys, TagFromName.StudyInstanceUID, study.value());
        return keys;
    }

    /** Puts a key; an empty value asks for it to be returned, a value with backslashes is several values. */
    private static void put(AttributeList keys, AttributeTag tag, String value) throws DicomException {
        Attribute attribute = keys.putNewAttribute(tag);
        if (!value.isEmpty()) {
            for (String part : value.split("\\\\")) {
                attribute.addValue(part);
            }
        }
    }

    private static StudyMatch match(AttributeList answer) {
        String uid = Attribute.getSingleStringValueOrEmptyString(answer, TagFromName.StudyInstanceUID);
        if (uid.isEmpty()) {
            return null;
        }
        int instances = Attribute.getSingleIntegerValueOrDefault(answer, TagFromName.NumberOfStudyRelatedInstances, -1);
        return new StudyMatch(new StudyInstanceUid(uid),
                Attribute.getSingleStringValueOrEmptyString(answer, TagFromName.AccessionNumber),
                Attribute.getSingleStringValueOrEmptyString(answer, TagFromName.StudyDate),
                Attribute.getDelimitedStringValuesOrEmptyString(answer, TagFromName.ModalitiesInStudy),
                instances < 0 ? Optional.empty() : Optional.of(instances),
                List.of(Attribute.getStringValues(answer, TagFromName.SOPClassesInStudy) == null ? new String[0]
                        : Attribute.getStringValues(answer, TagFromName.SOPClassesInStudy)));
    }

    /**
     * An association to the source offering {@code sopClass} in the two uncompressed little-endian
     * syntaxes, through a {@link PeerBridge}: over TLS when the source has {@code tls=true}, and given up
     * when the source sends nothing for its {@code response-timeout}.
     */
    private Connection open(Source source, String sopClass) throws IOException {
        PeerBridge bridge = bridge(source);
        LinkedList<String> syntaxes = new LinkedList<>(List.of(TransferSyntax.ExplicitVRLittleEndian,
                TransferSyntax.ImplicitVRLittleEndian));
        LinkedList<PresentationContext> contexts = new LinkedList<>();
        contexts.add(new PresentationContext((byte) 1, sopClass, syntaxes));
        try {
            return new Connection(AssociationFactory.createNewAssociation(bridge.host(), bridge.port(),
                    source.aeTitle().value(), source.callingAeTitle().value(), contexts, null, false), bridge);
        } catch (DicomNetworkException | IOException e) {
            bridge.close();
            throw new IOException(source.describe() + " did not accept the association: " + why(e, bridge), e);
        }
    }

    /** The connection to the source, TLS handshake done where it speaks TLS, with a loopback port for PixelMed. */
    private PeerBridge bridge(Source source) throws IOException {
        try {
            return source.tls()
                    ? PeerBridge.tls(source.name(), source.host(), source.port(), source.timeout(),
                            source.responseTimeout(), tls.context())
                    : PeerBridge.plain(source.name(), source.host(), source.port(), source.timeout(),
                            source.responseTimeout());
        } catch (IOException e) {
            throw new IOException((source.tls() ? "TLS connection to " : "cannot connect to ") + source.describe()
                    + " (" + e.getMessage() + ")", e);
        }
    }

    /** Why an exchange failed: the peer's silence when that is what ended it, else the toolkit's reason. */
    private static String why(Exception e, PeerBridge bridge) {
        return bridge.wentSilent() ? "the PACS sent nothing for " + bridge.idleLimit() : e.getMessage();
    }

    private static Responses exchange(Association association, String sopClass, byte[] command,
            AttributeList identifier) throws DicomException, DicomNetworkException, IOException {
        byte context = association.getSuitablePresentationContextID(sopClass);
        String syntax = association.getTransferSyntaxForPresentationContextID(context);
        ByteArrayOutputStream encoded = new ByteArrayOutputStream();
        identifier.write(new DicomOutputStream(encoded, null, syntax));
        Responses responses = new Responses();
        association.setReceivedDataHandler(responses);
        association.send(context, command, null);
        association.send(context, null, encoded.toByteArray());
        try {
            association.waitForPDataPDUsUntilHandlerReportsDone();
        } catch (AReleaseException e) {
            throw new IOException("the PACS released the association before its final response", e);
        }
        return responses;
    }

    /**
     * An open association, and the bridge it runs through. Closing it aborts an association
     * not released first (a request that failed half-way), then closes the bridge.
     */
    private static final class Connection implements AutoCloseable {

        private final Association association;
        private final PeerBridge bridge;
        private boolean released;

        Connection(Association association, PeerBridge bridge) {
            this.association = association;
            this.bridge = bridge;
        }

        Association association() {
            return association;
        }

        String why(Exception e) {
            return QueryRetrieveClient.why(e, bridge);
        }

        void release() {
            released = true;
            try {
                association.release();
            } catch (DicomNetworkException e) {
                LOG.debugf("Releasing the association to %s: %s", association.getCalledAETitle(), e.getMessage());
            }
        }

        @Override
        public void close() {
            if (!released) {
                try {
                    association.abort();
                } catch (DicomNetworkException | RuntimeException e) {
                    LOG.debugf("Aborting the association to %s: %s", association.getCalledAETitle(), e.getMessage());
                }
            }
            bridge.close();
        }
    }

    /**
     * The responses to one request: every pending response's identifier, and the final response's
     * status, sub-operation counts and, when it has a data set, the failed instances.
     */
    private static final class Responses extends CompositeResponseHandler {

        private final List<AttributeList> identifiers = new ArrayList<>();
        private AttributeList last = new AttributeList();
        private List<String> failedSopInstances = List.of();
        private boolean finalSeen;

        Responses() {
            allowData = true;
        }

        @Override
        protected void evaluateStatusAndSetSuccess(AttributeList command) {
            last = command;
            status = Attribute.getSingleIntegerValueOrDefault(command, TagFromName.Status, 0xFFFF);
            success = status == 0x0000;
            finalSeen = status != 0xFF00 && status != 0xFF01;
            boolean dataFollows = Attribute.getSingleIntegerValueOrDefault(command, TagFromName.CommandDataSetType,
                    NO_DATA_SET) != NO_DATA_SET;
            if (finalSeen && !dataFollows) {
                setDone(true);
            }
        }

        @Override
        protected void makeUseOfDataSet(AttributeList data) {
            if (finalSeen) {
                failedSopInstances = List.of(Attribute.getStringValues(data, FAILED_SOP_INSTANCE_UID_LIST) == null
                        ? new String[0] : Attribute.getStringValues(data, FAILED_SOP_INSTANCE_UID_LIST));
                setDone(true);
            } else {
                identifiers.add(data);
            }
        }

        RetrieveOutcome outcome() {
            return new RetrieveOutcome(status, count(TagFromName.NumberOfCompletedSuboperations),
                    count(TagFromName.NumberOfFailedSuboperations), count(TagFromName.NumberOfWarningSuboperations),
                    failedSopInstances, Attribute.getSingleStringValueOrEmptyString(last, TagFromName.ErrorComment), null);
        }

        String errorComment() {
            String comment = outcome().comment();
            return comment.isEmpty() ? "" : " (" + comment + ")";
        }

        private int count(AttributeTag tag) {
            return Math.max(0, Attribute.getSingleIntegerValueOrDefault(last, tag, 0));
        }
    }
}
