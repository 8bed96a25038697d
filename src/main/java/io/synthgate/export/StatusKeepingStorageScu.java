package io.synthgate.export;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.DicomInputStream;
import com.pixelmed.dicom.DicomOutputStream;
import com.pixelmed.dicom.DicomStreamCopier;
import com.pixelmed.dicom.SetOfDicomFiles;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.network.AReleaseException;
import com.pixelmed.network.Association;
import com.pixelmed.network.CStoreRequestCommandMessage;
import com.pixelmed.network.CompositeResponseHandler;
import com.pixelmed.network.DicomNetworkException;
import com.pixelmed.network.MultipleInstanceTransferStatusHandler;
import com.pixelmed.network.StorageSOPClassSCU;
import com.pixelmed.utils.CopyStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.HashMap;
import java.util.Map;

/**
 * PixelMed's storage SCU, keeping the status each C-STORE was answered with: PixelMed only says
 * whether it succeeded, and a PACS that is full (A7xx) is told from one that refuses these objects
 * (A9xx, Cxxx) by that status alone. Sends over an association the caller opened and releases.
 */
final class StatusKeepingStorageScu extends StorageSOPClassSCU {

    /** When a response carries no status at all. */
    static final int NO_STATUS = 0xFFFF;

    private final Map<String, Integer> statuses = new HashMap<>();

    StatusKeepingStorageScu() throws DicomNetworkException, DicomException, IOException {
        super();
    }

    /** C-STOREs every file over {@code association}, reporting each to {@code handler} as PixelMed does. */
    void send(Association association, SetOfDicomFiles files, MultipleInstanceTransferStatusHandler handler)
            throws AReleaseException, DicomNetworkException, IOException {
        sendMultipleSOPInstances(association, files, handler, null, -1);
    }

    /** The status each SOP Instance UID was answered with so far; one whose request broke off has none. */
    Map<String, Integer> statuses() {
        return Map.copyOf(statuses);
    }

    @Override
    protected boolean sendOneSOPInstance(Association association, String sopClass, String sopInstance,
            String inputTransferSyntax, DicomInputStream in, byte presentationContext, String outputTransferSyntax,
            String moveOriginator, int moveMessageId)
            throws AReleaseException, DicomNetworkException, DicomException, IOException {
        StatusResponse response = new StatusResponse();
        association.setReceivedDataHandler(response);
        association.send(presentationContext,
                new CStoreRequestCommandMessage(sopClass, sopInstance, moveOriginator, moveMessageId).getBytes(), null);
        OutputStream out = association.getAssociationOutputStream(presentationContext);
        if (inputTransferSyntax.equals(outputTransferSyntax)) {
            CopyStream.copy(in, out);
            out.close();
        } else {
            // The copier closes the stream it writes.
            new DicomStreamCopier(in, new DicomOutputStream(out, null, outputTransferSyntax));
        }
        association.waitForCommandPDataPDUs();
        statuses.put(sopInstance, response.answered);
        return response.wasSuccessful();
    }

    /** A C-STORE-RSP: success, or one of the warnings under which the object is stored all the same. */
    private static final class StatusResponse extends CompositeResponseHandler {

        private int answered = NO_STATUS;

        @Override
        protected void evaluateStatusAndSetSuccess(AttributeList list) {
            answered = Attribute.getSingleIntegerValueOrDefault(list, TagFromName.Status, NO_STATUS);
            success = answered == 0x0000 || (answered & 0xF000) == 0xB000;
        }
    }
}
