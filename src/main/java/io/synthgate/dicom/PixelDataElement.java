package io.synthgate.dicom;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The element header of native Pixel Data in Explicit VR Little Endian: tag (7FE0,0010), VR OW or
 * OB, two reserved bytes and the 32-bit value length. Written where SynthGate streams pixel data
 * behind a header PixelMed wrote, so no object of any size has to sit in memory whole.
 */
public final class PixelDataElement {

    private PixelDataElement() {
    }

    /** The 12 header bytes for a value of {@code length} bytes; OW for 16-bit samples, OB for 8-bit. */
    public static byte[] header(boolean words, long length) {
        if (length < 0 || length > 0xFFFFFFFEL) {
            throw new IllegalArgumentException("Pixel Data of " + length + " bytes does not fit a 32-bit value length");
        }
        return ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN).putShort((short) 0x7FE0).putShort((short) 0x0010)
                .put((byte) 'O').put((byte) (words ? 'W' : 'B')).putShort((short) 0).putInt((int) length).array();
    }
}
