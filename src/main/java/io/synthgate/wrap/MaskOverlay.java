package io.synthgate.wrap;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.CodeStringAttribute;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.LongStringAttribute;
import com.pixelmed.dicom.OtherWordAttribute;
import com.pixelmed.dicom.SignedShortAttribute;
import com.pixelmed.dicom.UnsignedShortAttribute;
import io.synthgate.mask.Mask;

/**
 * The mask as overlay plane 6000 (PS3.3 C.9.2), type R (region of interest), so a viewer can show
 * which pixels were generated. Only single-frame objects carry it: multi-frame Secondary Capture
 * IODs forbid overlays.
 */
final class MaskOverlay {

    private static final int GROUP = 0x6000;

    private MaskOverlay() {
    }

    /** Writes the overlay; returns its packed bits, which the provenance block hashes. */
    static byte[] writeTo(AttributeList list, Mask mask, String description) throws DicomException {
        Attributes.put(list, new UnsignedShortAttribute(new AttributeTag(GROUP, 0x0010)), Integer.toString(mask.rows()));
        Attributes.put(list, new UnsignedShortAttribute(new AttributeTag(GROUP, 0x0011)),
                Integer.toString(mask.columns()));
        Attributes.put(list, new LongStringAttribute(new AttributeTag(GROUP, 0x0022)), description);
        Attributes.put(list, new CodeStringAttribute(new AttributeTag(GROUP, 0x0040)), "R");
        Attributes.put(list, new SignedShortAttribute(new AttributeTag(GROUP, 0x0050)), "1", "1");
        Attributes.put(list, new UnsignedShortAttribute(new AttributeTag(GROUP, 0x0100)), "1");
        Attributes.put(list, new UnsignedShortAttribute(new AttributeTag(GROUP, 0x0102)), "0");
        OtherWordAttribute data = new OtherWordAttribute(new AttributeTag(GROUP, 0x3000));
        byte[] bits = packBits(mask);
        data.setValues(bits, false);
        list.put(data);
        return bits;
    }

    /** One bit per pixel, row by row, least significant bit first, padded to whole 16-bit words. */
    static byte[] packBits(Mask mask) {
        int pixels = mask.columns() * mask.rows();
        byte[] packed = new byte[((pixels + 15) / 16) * 2];
        for (int i = 0; i < pixels; i++) {
            if (mask.isSet(i)) {
                packed[i / 8] |= (byte) (1 << (i % 8));
            }
        }
        return packed;
    }
}
