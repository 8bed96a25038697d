package io.synthgate.masking;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.TagFromName;
import io.synthgate.dicom.SopInstanceUid;
import io.synthgate.mask.DrawnRegions;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Regions drawn in one DICOM file a researcher uploads as a mask: a segmentation (SEG), whose segments
 * lie on the images its frames reference, or an image whose ROI overlay planes lie on itself.
 */
public final class UploadedRegions {

    private UploadedRegions() {
    }

    /**
     * What an uploaded file draws.
     *
     * @param regions its regions, by the SOP Instance UID of the image each lies on
     * @param segmentation whether it is a segmentation (its regions are segments) or an image (overlays)
     */
    public record Uploaded(DrawnRegions regions, boolean segmentation) {
    }

    /**
     * The regions in {@code file}.
     *
     * @throws IllegalArgumentException when the file is not DICOM, or neither a segmentation nor an image
     */
    public static Uploaded read(Path file, String name) throws IOException {
        DrawnRegions.Builder regions = DrawnRegions.builder();
        try {
            AttributeList header = new AttributeList();
            header.read(file.toFile(), TagFromName.PixelData);
            String sopClass = Attribute.getSingleStringValueOrEmptyString(header, TagFromName.SOPClassUID);
            if (Segmentations.isSegmentation(sopClass)) {
                Segmentations.read(file, name, regions);
                return new Uploaded(regions.build(), true);
            }
            String sop = Attribute.getSingleStringValueOrEmptyString(header, TagFromName.SOPInstanceUID);
            int columns = Attribute.getSingleIntegerValueOrDefault(header, TagFromName.Columns, 0);
            int rows = Attribute.getSingleIntegerValueOrDefault(header, TagFromName.Rows, 0);
            if (sop.isBlank() || columns <= 0 || rows <= 0) {
                throw new IllegalArgumentException(name + " is neither a segmentation nor an image with an overlay");
            }
            regions.overlays(new SopInstanceUid(sop), OverlayPlanes.read(header, columns, rows));
            return new Uploaded(regions.build(), false);
        } catch (IllegalArgumentException refused) {
            throw refused;
        } catch (DicomException | RuntimeException e) {
            throw new IllegalArgumentException(name + " cannot be read as DICOM: " + e.getMessage(), e);
        }
    }
}
