package io.synthgate.testing;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.OtherWordAttribute;
import com.pixelmed.dicom.TagFromName;
import java.nio.file.Path;
import java.util.BitSet;

/**
 * A CT study built around a real liver segmentation (pydicom's {@code liver_1frame.dcm}): two slices
 * of one ankle CT under the study's UIDs, one of them the slice the segmentation's only frame names.
 */
public final class LiverStudy {

    public static final Path SEGMENTATION = TestFiles.pydicom("liver_1frame.dcm");
    public static final String STUDY = "1.2.392.200103.20080913.113635.0.2009.6.22.21.43.10.22941.1";
    public static final String SEGMENTED_SLICE = "1.2.392.200103.20080913.113635.2.2009.6.22.21.43.10.23433.1";
    public static final String OTHER_SLICE = "1.2.392.200103.20080913.113635.2.2009.6.22.21.43.10.23499.1";
    /** The liver's pixels in the segmentation's only frame, counted with pydicom. */
    public static final int LIVER_PIXELS = 36233;

    private LiverStudy() {
    }

    /** The slice the segmentation names, written into {@code folder}. */
    public static Path segmentedSlice(Path folder) throws Exception {
        return DicomCopies.asInstanceOf(template(), STUDY, SEGMENTED_SLICE, folder.resolve("segmented.dcm"));
    }

    /** A slice of the same study the segmentation does not name, written into {@code folder}. */
    public static Path otherSlice(Path folder) throws Exception {
        return DicomCopies.asInstanceOf(template(), STUDY, OTHER_SLICE, folder.resolve("other.dcm"));
    }

    /** The pixels set in a synthetic object's mask overlay (6000,3000). */
    public static BitSet maskOverlay(Path file) throws Exception {
        AttributeList list = new AttributeList();
        list.read(file.toFile(), TagFromName.PixelData);
        OtherWordAttribute overlay = (OtherWordAttribute) list.get(new AttributeTag(0x6000, 0x3000));
        return BitSet.valueOf(overlay.getByteValues(false));
    }

    private static Path template() {
        return TestFiles.shared("fo-dicom/CT-MONO2-16-ankle.dcm");
    }
}
