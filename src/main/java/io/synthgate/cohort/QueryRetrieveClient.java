package io.synthgate.cohort;

import static io.synthgate.dicom.QueryAssociation.putKey;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.SOPClass;
import com.pixelmed.dicom.StoredFilePathStrategy;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.network.CMoveRequestCommandMessage;
import com.pixelmed.network.DicomNetworkException;
import com.pixelmed.network.GetSOPClassSCU;
import com.pixelmed.network.IdentifierHandler;
import com.pixelmed.network.ReceivedObjectHandler;
import io.synthgate.dicom.DimseStatus;
import io.synthgate.dicom.StudyInstanceUid;
import io.synthgate.dicom.PeerBridge;
import io.synthgate.dicom.QueryAssociation;
import io.synthgate.export.ClientTls;
import io.synthgate.ingest.IngestService;
import io.synthgate.ingest.StoreRequest;
import io.synthgate.spool.Spool;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The query/retrieve SCU, on PixelMed's associations: C-FIND at study level (and series level for a
 * body part), C-MOVE of one study to SynthGate's AE, and C-GET through PixelMed's
 * {@link GetSOPClassSCU}, whose objects are kept by the {@link IngestService} exactly as a pushed
 * C-STORE's are; to a source with {@code tls=true}, over TLS with {@link ClientTls}. C-FIND and C-MOVE
 * run on a {@link QueryAssociation}, which keeps the final status, sub-operation counts and failed
 * instances that PixelMed's SCU classes do not.
 */
@ApplicationScoped
public class QueryRetrieveClient {

    private static final String FIND = QueryAssociation.FIND;
    private static final String MOVE = SOPClass.StudyRootQueryRetrieveInformationModelMove;
    private static final String GET = SOPClass.StudyRootQueryRetrieveInformationModelGet;
    /** What a C-GET offers to receive when the PACS did not say which SOP classes a study holds. */
    private static final Set<String> COMMON_IMAGE_CLASSES = Set.of(SOPClass.ComputedRadiographyImageStorage,
            SOPClass.DigitalXRayImageStorageForPresentation, SOPClass.DigitalMammographyXRayImageStorageForPresentation,
            SOPClass.CTImageStorage, SOPClass.EnhancedCTImageStorage, SOPClass.MRImageStorage,
            SOPClass.EnhancedMRImageStorage, SOPClass.UltrasoundImageStorage, SOPClass.UltrasoundMultiframeImageStorage,
            SOPClass.SecondaryCaptureImageStorage);

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
        QueryAssociation association = open(source, FIND);
        try (association) {
            Map<String, StudyMatch> found = new LinkedHashMap<>();
            List<Optional<String>> accessions = query.accessionNumbers().isEmpty() ? List.of(Optional.empty())
                    : query.accessionNumbers().stream().map(Optional::of).toList();
            for (Optional<String> accession : accessions) {
                for (AttributeList answer : association.find(studyKeys(query, accession))) {
                    StudyMatch match = match(answer);
                    if (match != null && (query.bodyPart().isEmpty()
                            || hasSeriesOf(association, match.study(), query.bodyPart().get()))) {
                        found.putIfAbsent(match.study().value(), match);
                    }
                }
            }
            association.release();
            return found.values().stream().sorted(Comparator.comparing(StudyMatch::studyDate)
                    .thenComparing(m -> m.study().value())).toList();
        } catch (DicomException | DicomNetworkException | IOException | RuntimeException e) {
            throw new IOException("C-FIND at " + source.describe() + " failed: " + association.why(e), e);
        }
    }

    /** C-MOVE of one study to the source's move destination (SynthGate's AE, unless configured otherwise). */
    public RetrieveOutcome move(Source source, StudyInstanceUid study) {
        QueryAssociation association;
        try {
            association = open(source, MOVE);
        } catch (IOException e) {
            return RetrieveOutcome.broken(e.getMessage());
        }
        try (association) {
            byte[] command = new CMoveRequestCommandMessage(MOVE, source.moveDestination().value()).getBytes();
            QueryAssociation.Responses responses = association.request(MOVE, command, studyIdentifier(study));
            association.release();
            return outcome(responses);
        } catch (DicomException | DicomNetworkException | IOException | RuntimeException e) {
            return RetrieveOutcome.broken("C-MOVE of study " + study + " from " + source.describe()
                    + " broke off: " + association.why(e));
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
                    + kept.get() + " instances: " + bridge.why(e));
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

    private static boolean hasSeriesOf(QueryAssociation association, StudyInstanceUid study, String bodyPart)
            throws DicomException, DicomNetworkException, IOException {
        AttributeList keys = new AttributeList();
        putKey(keys, TagFromName.QueryRetrieveLevel, "SERIES");
        putKey(keys, TagFromName.StudyInstanceUID, study.value());
        putKey(keys, TagFromName.SeriesInstanceUID, "");
        putKey(keys, TagFromName.BodyPartExamined, bodyPart);
        return !association.find(keys).isEmpty();
    }

    private static AttributeList studyKeys(StudyQuery query, Optional<String> accession) throws DicomException {
        AttributeList keys = new AttributeList();
        putKey(keys, TagFromName.QueryRetrieveLevel, "STUDY");
        putKey(keys, TagFromName.StudyInstanceUID, String.join("\\", query.studyInstanceUids()));
        putKey(keys, TagFromName.AccessionNumber, accession.orElse(""));
        putKey(keys, TagFromName.StudyDate, query.studyDate().orElse(""));
        putKey(keys, TagFromName.ModalitiesInStudy, query.modality().orElse(""));
        putKey(keys, TagFromName.StudyDescription, query.studyDescription().orElse(""));
        putKey(keys, TagFromName.NumberOfStudyRelatedInstances, "");
        putKey(keys, TagFromName.SOPClassesInStudy, "");
        return keys;
    }

    private static AttributeList studyIdentifier(StudyInstanceUid study) throws DicomException {
        AttributeList keys = new AttributeList();
        putKey(keys, TagFromName.QueryRetrieveLevel, "STUDY");
        putKey(keys, TagFromName.StudyInstanceUID, study.value());
        return keys;
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
     * An association to the source offering {@code sopClass}: over TLS when the source has
     * {@code tls=true}, and given up when the source sends nothing for its {@code response-timeout}.
     */
    private QueryAssociation open(Source source, String sopClass) throws IOException {
        return QueryAssociation.open(bridge(source), source.aeTitle(), source.callingAeTitle(), sopClass,
                source.describe());
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

    /** How a C-MOVE ended, from the PACS's final response. */
    private static RetrieveOutcome outcome(QueryAssociation.Responses responses) {
        return new RetrieveOutcome(responses.status(), responses.count(TagFromName.NumberOfCompletedSuboperations),
                responses.count(TagFromName.NumberOfFailedSuboperations),
                responses.count(TagFromName.NumberOfWarningSuboperations), responses.failedSopInstances(),
                responses.errorComment(), null);
    }
}
