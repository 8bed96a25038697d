package io.synthgate.ingest;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.DicomOutputStream;
import com.pixelmed.dicom.FileMetaInformation;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.dicom.TransferSyntax;
import com.pixelmed.network.Association;
import com.pixelmed.network.CStoreRequestCommandMessage;
import com.pixelmed.network.CompositeResponseHandler;
import com.pixelmed.network.DicomNetworkException;
import com.pixelmed.network.MessageServiceElementCommand;
import com.pixelmed.network.PDataPDU;
import com.pixelmed.network.PresentationDataValue;
import io.synthgate.spool.Spool;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;

/**
 * Receives one DIMSE request (command plus optional data set) from PixelMed's PDU loop. A C-STORE data
 * set is streamed as it arrives into a temporary spool file behind a Part 10 meta header (a
 * {@link SpooledDataSet}, which watches the spool's room as it grows), so memory stays flat whatever the
 * object's size. Whether the object is kept is decided afterwards, by
 * {@link IngestService}.
 */
final class InboundMessage extends CompositeResponseHandler {

    /** Command Data Set Type (0000,0800) value meaning "no data set follows". */
    private static final int NO_DATA_SET = 0x0101;
    /**
     * A command set is a few hundred bytes; one spread over more fragments than this is refused, so a peer
     * cannot grow the buffer that collects them without bound.
     */
    private static final int MAX_COMMAND_LENGTH = 64 * 1024;

    private final Spool spool;
    private final boolean spoolHasRoom;
    private final ByteArrayOutputStream command = new ByteArrayOutputStream();
    private int commandField = -1;
    private int messageId;
    private String affectedSopClassUid;
    private CStoreRequestCommandMessage storeRequest;
    private byte presentationContextId;
    private String transferSyntaxUid;
    private Path dataFile;
    private OutputStream data;
    /** The data set's file; null when the spool had no room for it, or its file could not be created. */
    private SpooledDataSet spooled;

    InboundMessage(Spool spool, boolean spoolHasRoom) {
        this.spool = spool;
        this.spoolHasRoom = spoolHasRoom;
    }

    @Override
    public void sendPDataIndication(PDataPDU pdata, Association association)
            throws DicomNetworkException, DicomException, IOException {
        for (Object item : pdata.getPDVList()) {
            PresentationDataValue pdv = (PresentationDataValue) item;
            presentationContextId = pdv.getPresentationContextID();
            if (pdv.isCommand()) {
                if (command.size() + pdv.getValue().length > MAX_COMMAND_LENGTH) {
                    throw new DicomNetworkException("Command set longer than " + MAX_COMMAND_LENGTH + " bytes");
                }
                command.write(pdv.getValue());
                if (pdv.isLastFragment()) {
                    onCommand(getAttributeListFromCommandOrData(command.toByteArray(), TransferSyntax.Default),
                            association);
                }
            } else {
                onData(pdv, association);
            }
        }
    }

    @Override
    protected void evaluateStatusAndSetSuccess(AttributeList list) {
        // Only used by PixelMed for responses this SCP never receives.
    }

    private void onCommand(AttributeList commandList, Association association)
            throws DicomNetworkException, DicomException, IOException {
        commandField = Attribute.getSingleIntegerValueOrDefault(commandList, TagFromName.CommandField, -1);
        messageId = Attribute.getSingleIntegerValueOrDefault(commandList, TagFromName.MessageID, 0);
        affectedSopClassUid = Attribute.getSingleStringValueOrEmptyString(commandList, TagFromName.AffectedSOPClassUID);
        transferSyntaxUid = association.getTransferSyntaxForPresentationContextID(presentationContextId);
        int dataSetType = Attribute.getSingleIntegerValueOrDefault(commandList, TagFromName.CommandDataSetType,
                NO_DATA_SET);
        if (commandField == MessageServiceElementCommand.C_ECHO_RQ) {
            setDone(true);
        } else if (commandField == MessageServiceElementCommand.C_STORE_RQ) {
            storeRequest = new CStoreRequestCommandMessage(commandList);
            if (dataSetType == NO_DATA_SET) {
                setDone(true);
            }
        } else {
            throw new DicomNetworkException("Unsupported DIMSE command 0x" + Integer.toHexString(commandField)
                    + " (" + MessageServiceElementCommand.toString(commandField) + "); this SCP serves C-ECHO and C-STORE");
        }
    }

    private void onData(PresentationDataValue pdv, Association association)
            throws DicomNetworkException, DicomException, IOException {
        if (storeRequest == null) {
            throw new DicomNetworkException("Data set received without a preceding C-STORE-RQ");
        }
        if (data == null) {
            data = spoolHasRoom ? openDataFile(association) : OutputStream.nullOutputStream();
        }
        data.write(pdv.getValue());
        if (pdv.isLastFragment()) {
            data.close();
            setDone(true);
        }
    }

    /**
     * The data set's temporary file behind its meta header; when even that cannot be written (the disk
     * full after all), a sink, and the object is answered 0xA700.
     */
    private OutputStream openDataFile(Association association) throws DicomException {
        try {
            dataFile = spool.newTemporaryFile();
            spooled = new SpooledDataSet(spool, dataFile);
        } catch (IOException e) {
            if (dataFile != null) {
                spool.discard(dataFile);
            }
            return OutputStream.nullOutputStream();
        }
        FileMetaInformation meta = new FileMetaInformation(storeRequest.getAffectedSOPClassUID(),
                storeRequest.getAffectedSOPInstanceUID(), transferSyntaxUid, association.getCallingAETitle());
        try {
            DicomOutputStream metaOut = new DicomOutputStream(spooled, TransferSyntax.ExplicitVRLittleEndian, null);
            meta.getAttributeList().write(metaOut);
            metaOut.flush();
        } catch (IOException unreachable) {
            // SpooledDataSet answers a failed write by dropping the file, never with an exception.
        }
        return spooled;
    }

    /** Discards a partly received data set after the association broke. */
    void discard() {
        try {
            if (data != null) {
                data.close();
            }
        } catch (IOException ignored) {
            // The file is removed next; a failed close changes nothing.
        }
        if (dataFile != null) {
            spool.discard(dataFile);
        }
    }

    boolean isEcho() {
        return commandField == MessageServiceElementCommand.C_ECHO_RQ;
    }

    int messageId() {
        return messageId;
    }

    String affectedSopClassUid() {
        return affectedSopClassUid;
    }

    byte presentationContextId() {
        return presentationContextId;
    }

    /** The C-STORE request as received; only for a store. */
    StoreRequest storeRequest(String callingAeTitle) {
        boolean spoolFull = data != null && (spooled == null || spooled.outOfRoom());
        return new StoreRequest(storeRequest.getAffectedSOPClassUID(), storeRequest.getAffectedSOPInstanceUID(),
                transferSyntaxUid, callingAeTitle, dataFile, spoolFull);
    }
}
