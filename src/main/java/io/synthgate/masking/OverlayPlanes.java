package io.synthgate.masking;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.OtherWordAttribute;
import io.synthgate.mask.DrawnRegion;
import io.synthgate.mask.DrawnRegions;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;

/**
 * Reads an image's overlay planes (PS3.3 C.9.2, groups 6000 to 601E) as regions on the image: each
 * plane's bits placed at its Overlay Origin and clipped to the image. Only the first frame of a
 * multi-frame overlay is read, since a mask is one region for every frame.
 */
final class OverlayPlanes {

    private OverlayPlanes() {
    }

    static List<DrawnRegions.OverlayPlane> read(AttributeList header, int columns, int rows) throws DicomException {
        List<DrawnRegions.OverlayPlane> planes = new ArrayList<>();
        if (columns <= 0 || rows <= 0) {
            return planes;
        }
        for (int group = 0x6000; group <= 0x601E; group += 2) {
            int overlayRows = Attribute.getSingleIntegerValueOrDefault(header, new AttributeTag(group, 0x0010), 0);
            int overlayColumns = Attribute.getSingleIntegerValueOrDefault(header, new AttributeTag(group, 0x0011), 0);
            if (overlayRows <= 0 || overlayColumns <= 0) {
                continue;
            }
            String type = Attribute.getSingleStringValueOrEmptyString(header, new AttributeTag(group, 0x0040)).strip();
            Attribute data = header.get(new AttributeTag(group, 0x3000));
            if (data == null) {
                planes.add(new DrawnRegions.OverlayPlane(group, type, Optional.empty()));
                continue;
            }
            byte[] bytes = data instanceof OtherWordAttribute words ? words.getByteValues(false) : data.getByteValues();
            int[] origin = Attribute.getIntegerValues(header, new AttributeTag(group, 0x0050));
            int top = origin != null && origin.length == 2 ? origin[0] - 1 : 0;
            int left = origin != null && origin.length == 2 ? origin[1] - 1 : 0;
            BitSet full = new BitSet(columns * rows);
            for (int row = 0; row < overlayRows; row++) {
                int imageRow = top + row;
                for (int column = 0; column < overlayColumns; column++) {
                    int bit = row * overlayColumns + column;
                    int imageColumn = left + column;
                    if (bit / 8 < bytes.length && (bytes[bit / 8] & (1 << (bit % 8))) != 0 && imageRow >= 0
                            && imageRow < rows && imageColumn >= 0 && imageColumn < columns) {
                        full.set(imageRow * columns + imageColumn);
                    }
                }
            }
            planes.add(new DrawnRegions.OverlayPlane(group, type, Optional.of(DrawnRegion.of(
                    "overlay " + Integer.toHexString(group), columns, rows, full))));
        }
        return planes;
    }
}
