package io.synthgate.dicom;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.DicomOutputStream;
import com.pixelmed.dicom.SOPClass;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.dicom.TransferSyntax;
import com.pixelmed.network.AReleaseException;
import com.pixelmed.network.Association;
import com.pixelmed.network.AssociationFactory;
import com.pixelmed.network.CFindRequestCommandMessage;
import com.pixelmed.network.CompositeResponseHandler;
import com.pixelmed.network.DicomNetworkException;
import com.pixelmed.network.PresentationContext;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * An association SynthGate opened as a query/retrieve SCU, through a {@link PeerBridge}, for requests
 * whose responses PixelMed's SCU classes do not keep: a C-FIND's final status (PixelMed's
 * FindSOPClassSCU takes a failure for no match), a C-MOVE's sub-operation counts and failed instances.
 * Closing it aborts an association not released first (a request that failed half-way), then closes
 * the bridge.
 */
public final class QueryAssociation implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(QueryAssociation.class);
    /** Study Root C-FIND, the query model every PACS answers. */
    public static final String FIND = SOPClass.StudyRootQueryRetrieveInformationModelFind;
    /** Command Data Set Type that says no data set follows the command. */
    private static final int NO_DATA_SET = 0x0101;
    private static final AttributeTag FAILED_SOP_INSTANCE_UID_LIST = new AttributeTag(0x0008, 0x0058);

    private final Association association;
    private final PeerBridge bridge;
    private boolean released;

    private QueryAssociation(Association association, PeerBridge bridge) {
        this.association = association;
        this.bridge = bridge;
    }

    /**
     * Opens an association through {@code bridge} offering {@code sopClass} in the two uncompressed
     * little-endian syntaxes; the bridge is closed when the peer does not accept it.
     *
     * @param peer the peer as messages name it
     * @throws IOException saying that {@code peer} did not accept the association, and why
     */
    public static QueryAssociation open(PeerBridge bridge, AeTitle called, AeTitle calling, String sopClass,
            String peer) throws IOException {
        LinkedList<String> syntaxes = new LinkedList<>(List.of(TransferSyntax.ExplicitVRLittleEndian,
                TransferSyntax.ImplicitVRLittleEndian));
        LinkedList<PresentationContext> contexts = new LinkedList<>();
        contexts.add(new PresentationContext((byte) 1, sopClass, syntaxes));
        try {
            return new QueryAssociation(AssociationFactory.createNewAssociation(bridge.host(), bridge.port(),
                    called.value(), calling.value(), contexts, null, false), bridge);
        } catch (DicomNetworkException | IOException e) {
            bridge.close();
            throw new IOException(peer + " did not accept the association: " + bridge.why(e), e);
        }
    }

    /**
     * A Study Root C-FIND: every match's identifier.
     *
     * @throws IOException when the peer's final response is not success, with its status and comment
     */
    public List<AttributeList> find(AttributeList keys) throws DicomException, DicomNetworkException, IOException {
        Responses responses = request(FIND, new CFindRequestCommandMessage(FIND).getBytes(), keys);
        if (responses.status() != 0x0000) {
            String comment = responses.errorComment();
            throw new IOException("answered with status " + String.format("0x%04X", responses.status())
                    + (comment.isEmpty() ? "" : " (" + comment + ")"));
        }
        return responses.identifiers();
    }

    /** Sends one request, its command then its identifier, and reads every response to it. */
    public Responses request(String sopClass, byte[] command, AttributeList identifier)
            throws DicomException, DicomNetworkException, IOException {
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

    /** Why a request failed: the peer's silence when that is what ended it, else the toolkit's reason. */
    public String why(Exception e) {
        return bridge.why(e);
    }

    /** Releases the association, the end of a conversation that went as it should. */
    public void release() {
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

    /** Puts a key; an empty value asks for it to be returned, a value with backslashes is several values. */
    public static void putKey(AttributeList keys, AttributeTag tag, String value) throws DicomException {
        Attribute attribute = keys.putNewAttribute(tag);
        if (!value.isEmpty()) {
            for (String part : value.split("\\\\")) {
                attribute.addValue(part);
            }
        }
    }

    /**
     * The responses to one request: every pending response's identifier, and the final response's
     * command (status, sub-operation counts, comment) and, when it has a data set, the failed instances.
     */
    public static final class Responses extends CompositeResponseHandler {

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
                String[] failed = Attribute.getStringValues(data, FAILED_SOP_INSTANCE_UID_LIST);
                failedSopInstances = List.of(failed == null ? new String[0] : failed);
                setDone(true);
            } else {
                identifiers.add(data);
            }
        }

        /** The final response's status. */
        public int status() {
            return status;
        }

        /** The pending responses' identifiers: a C-FIND's matches. */
        public List<AttributeList> identifiers() {
            return identifiers;
        }

        /** A count from the final response, such as its Number of Completed Sub-operations; 0 when absent. */
        public int count(AttributeTag tag) {
            return Math.max(0, Attribute.getSingleIntegerValueOrDefault(last, tag, 0));
        }

        /** The final response's Error Comment, empty when it had none. */
        public String errorComment() {
            return Attribute.getSingleStringValueOrEmptyString(last, TagFromName.ErrorComment);
        }

        /** The Failed SOP Instance UID List of the final response's data set, if it had one. */
        public List<String> failedSopInstances() {
            return failedSopInstances;
        }
    }
}
