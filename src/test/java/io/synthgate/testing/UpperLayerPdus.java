package io.synthgate.testing;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * DICOM upper layer PDUs (PS3.8 9.3) built byte by byte, for tests that must send what no well-behaved
 * toolkit would: even or repeated presentation context IDs, oversized or trickled P-DATA-TF.
 */
public final class UpperLayerPdus {

    /** Secondary Capture Image Storage. */
    public static final String SECONDARY_CAPTURE = "1.2.840.10008.5.1.4.1.1.7";
    public static final String EXPLICIT_VR_LITTLE_ENDIAN = "1.2.840.10008.1.2.1";

    private UpperLayerPdus() {
    }

    /** One proposed presentation context. */
    public record Context(int id, String abstractSyntax, List<String> transferSyntaxes) {
    }

    /** A PDU as read: its type and its variable part. */
    public record Pdu(int type, byte[] body) {
    }

    public static byte[] associateRequest(String called, String calling, int maxPduLength, List<Context> contexts) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(new byte[] {0, 1, 0, 0});
        body.writeBytes(title(called));
        body.writeBytes(title(calling));
        body.writeBytes(new byte[32]);
        body.writeBytes(item(0x10, ascii("1.2.840.10008.3.1.1.1")));
        for (Context context : contexts) {
            ByteArrayOutputStream sub = new ByteArrayOutputStream();
            sub.writeBytes(new byte[] {(byte) context.id(), 0, 0, 0});
            sub.writeBytes(item(0x30, ascii(context.abstractSyntax())));
            for (String syntax : context.transferSyntaxes()) {
                sub.writeBytes(item(0x40, ascii(syntax)));
            }
            body.writeBytes(item(0x20, sub.toByteArray()));
        }
        byte[] userInfo = concat(item(0x51, ByteBuffer.allocate(4).putInt(maxPduLength).array()),
                item(0x52, ascii("1.2.826.0.1.3680043.10.1")));
        body.writeBytes(item(0x50, userInfo));
        return pdu(0x01, body.toByteArray());
    }

    /** A P-DATA-TF with one presentation data value. */
    public static byte[] pData(int contextId, boolean command, boolean last, byte[] value) {
        ByteBuffer pdv = ByteBuffer.allocate(6 + value.length);
        pdv.putInt(2 + value.length).put((byte) contextId).put((byte) ((command ? 1 : 0) | (last ? 2 : 0))).put(value);
        return pdu(0x04, pdv.array());
    }

    public static byte[] releaseRequest() {
        return pdu(0x05, new byte[4]);
    }

    /** A PDU header announcing {@code length} bytes, without them. */
    public static byte[] header(int type, long length) {
        return ByteBuffer.allocate(6).put((byte) type).put((byte) 0).putInt((int) length).array();
    }

    public static byte[] pdu(int type, byte[] body) {
        return concat(header(type, body.length), body);
    }

    /** Reads one PDU. */
    public static Pdu read(InputStream in) throws IOException {
        DataInputStream data = new DataInputStream(in);
        int type = data.readUnsignedByte();
        data.readUnsignedByte();
        int length = data.readInt();
        byte[] body = new byte[length];
        data.readFully(body);
        return new Pdu(type, body);
    }

    private static byte[] item(int type, byte[] value) {
        return concat(new byte[] {(byte) type, 0, (byte) (value.length >> 8), (byte) value.length}, value);
    }

    private static byte[] title(String title) {
        return ascii(String.format("%-16s", title));
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = new byte[first.length + second.length];
        System.arraycopy(first, 0, both, 0, first.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }
}
