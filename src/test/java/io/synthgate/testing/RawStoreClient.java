package io.synthgate.testing;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.network.Association;
import com.pixelmed.network.AssociationFactory;
import com.pixelmed.network.CStoreRequestCommandMessage;
import com.pixelmed.network.CompositeResponseHandler;
import com.pixelmed.network.PresentationContext;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedList;

/**
 * A C-STORE SCU on PixelMed's association layer that sends the data set bytes exactly as given,
 * malformed or not, and returns the status the SCP answered. DCMTK's storescu refuses to send files
 * it cannot parse, which is what a faulty modality does not do.
 */
public final class RawStoreClient {

    private RawStoreClient() {
    }

    /** The raw parts of a Part 10 file, read without trusting its group length. */
    public record Part10(String sopClassUid, String sopInstanceUid, String transferSyntaxUid, byte[] dataSet) {

        public static Part10 read(Path file) throws IOException {
            byte[] bytes = Files.readAllBytes(file);
            if (bytes.length < 132 || !new String(bytes, 128, 4, StandardCharsets.US_ASCII).equals("DICM")) {
                return withoutMetaHeader(file, bytes);
            }
            ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
            buffer.position(132);
            String sopClass = null;
            String sopInstance = null;
            String syntax = null;
            while (buffer.remaining() >= 8) {
                int start = buffer.position();
                int group = buffer.getShort() & 0xffff;
                int element = buffer.getShort() & 0xffff;
                if (group != 0x0002) {
                    buffer.position(start);
                    break;
                }
                String vr = new String(bytes, buffer.position(), 2, StandardCharsets.US_ASCII);
                buffer.position(buffer.position() + 2);
                int length;
                if (vr.equals("OB") || vr.equals("OW") || vr.equals("UN") || vr.equals("SQ") || vr.equals("UT")) {
                    buffer.position(buffer.position() + 2);
                    length = buffer.getInt();
                } else {
                    length = buffer.getShort() & 0xffff;
                }
                String value = new String(bytes, buffer.position(), length, StandardCharsets.US_ASCII).replace("\0", "").strip();
                switch (element) {
                    case 0x0002 -> sopClass = value;
                    case 0x0003 -> sopInstance = value;
                    case 0x0010 -> syntax = value;
                    default -> { }
                }
                buffer.position(buffer.position() + length);
            }
            return new Part10(sopClass, sopInstance, syntax, Arrays.copyOfRange(bytes, buffer.position(), bytes.length));
        }

        /** An old-style file that is a bare data set in Implicit VR Little Endian. */
        private static Part10 withoutMetaHeader(Path file, byte[] bytes) throws IOException {
            AttributeList list = new AttributeList();
            try {
                list.read(file.toFile(), TagFromName.PixelData);
            } catch (com.pixelmed.dicom.DicomException e) {
                throw new IOException(e);
            }
            return new Part10(Attribute.getSingleStringValueOrEmptyString(list, TagFromName.SOPClassUID),
                    Attribute.getSingleStringValueOrEmptyString(list, TagFromName.SOPInstanceUID),
                    "1.2.840.10008.1.2", bytes);
        }
    }

    /** Sends one C-STORE and returns the response's Status (0000,0900). */
    public static int store(int port, String calledAe, String callingAe, String sopClassUid, String sopInstanceUid,
            String transferSyntaxUid, byte[] dataSet) throws Exception {
        LinkedList<PresentationContext> contexts = new LinkedList<>();
        contexts.add(new PresentationContext((byte) 1, sopClassUid, transferSyntaxUid));
        Association association = AssociationFactory.createNewAssociation("127.0.0.1", port, calledAe,
                callingAe, contexts, null, false);
        try {
            byte contextId = association.getSuitablePresentationContextID(sopClassUid, transferSyntaxUid);
            byte[] command = new CStoreRequestCommandMessage(sopClassUid, sopInstanceUid).getBytes();
            StatusHandler handler = new StatusHandler();
            association.setReceivedDataHandler(handler);
            association.send(contextId, command, null);
            try (OutputStream data = association.getAssociationOutputStream(contextId)) {
                data.write(dataSet);
            }
            association.waitForCommandPDataPDUs();
            return handler.getStatus();
        } finally {
            association.release();
        }
    }

    private static final class StatusHandler extends CompositeResponseHandler {
        @Override
        protected void evaluateStatusAndSetSuccess(AttributeList list) {
            status = Attribute.getSingleIntegerValueOrDefault(list, TagFromName.Status, 0xffff);
            success = status == 0;
        }
    }
}
