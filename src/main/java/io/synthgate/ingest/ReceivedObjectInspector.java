package io.synthgate.ingest;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.dicom.TransferSyntax;
import io.synthgate.dicom.DimseStatus;
import io.synthgate.dicom.SopInstanceUid;
import io.synthgate.dicom.StudyInstanceUid;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Reads a received data set to the end and checks it against its C-STORE request. PixelMed's own SCP
 * acknowledges anything; this is where truncated, unparseable or mislabelled objects are caught.
 */
final class ReceivedObjectInspector {

    private ReceivedObjectInspector() {
    }

    /** What the data set says about itself, or why it cannot be kept. */
    sealed interface Inspection {
    }

    /** A data set that parsed completely and matches its request. */
    record Valid(StudyInstanceUid study, String seriesInstanceUid, SopInstanceUid sopInstanceUid,
            String modality) implements Inspection {
    }

    /** A data set to refuse with {@code status}; {@code reason} names the problem for the log. */
    record Invalid(DimseStatus status, String reason) implements Inspection {
    }

    static Inspection inspect(StoreRequest request) {
        try {
            String fault = DataSetStructure.findFault(request.temporaryFile(), request.transferSyntaxUid());
            if (fault != null) {
                return new Invalid(DimseStatus.CANNOT_UNDERSTAND, "malformed data set: " + fault);
            }
        } catch (IOException e) {
            return new Invalid(DimseStatus.CANNOT_UNDERSTAND, "data set cannot be read: " + describe(e));
        }
        AttributeList list = new AttributeList();
        list.setDecompressPixelData(false);
        try {
            list.read(request.temporaryFile().toFile());
        } catch (IOException | DicomException | RuntimeException e) {
            return new Invalid(DimseStatus.CANNOT_UNDERSTAND, "data set cannot be parsed: " + describe(e));
        }
        String incomplete = pixelDataProblem(list, request.transferSyntaxUid());
        if (incomplete != null) {
            return new Invalid(DimseStatus.CANNOT_UNDERSTAND, incomplete);
        }
        String sopClass = Attribute.getSingleStringValueOrEmptyString(list, TagFromName.SOPClassUID);
        String sopInstance = Attribute.getSingleStringValueOrEmptyString(list, TagFromName.SOPInstanceUID);
        if (!sopClass.equals(request.affectedSopClassUid())) {
            return new Invalid(DimseStatus.DATA_SET_DOES_NOT_MATCH_SOP_CLASS, "SOP Class UID in data set ('" + sopClass
                    + "') differs from the C-STORE request ('" + request.affectedSopClassUid() + "')");
        }
        if (!sopInstance.equals(request.affectedSopInstanceUid())) {
            return new Invalid(DimseStatus.DATA_SET_DOES_NOT_MATCH_SOP_CLASS, "SOP Instance UID in data set ('"
                    + sopInstance + "') differs from the C-STORE request ('" + request.affectedSopInstanceUid() + "')");
        }
        try {
            return new Valid(
                    new StudyInstanceUid(Attribute.getSingleStringValueOrEmptyString(list, TagFromName.StudyInstanceUID)),
                    Attribute.getSingleStringValueOrNull(list, TagFromName.SeriesInstanceUID),
                    new SopInstanceUid(sopInstance),
                    Attribute.getSingleStringValueOrNull(list, TagFromName.Modality));
        } catch (IllegalArgumentException e) {
            return new Invalid(DimseStatus.CANNOT_UNDERSTAND, e.getMessage());
        }
    }

    /**
     * PixelMed logs, rather than throws, when the data set ends inside an element and drops that
     * element; a cut-off object then looks complete. An image header without Pixel Data, or native
     * Pixel Data shorter than the header announces, gives it away.
     */
    private static String pixelDataProblem(AttributeList list, String transferSyntaxUid) {
        int rows = Attribute.getSingleIntegerValueOrDefault(list, TagFromName.Rows, 0);
        int columns = Attribute.getSingleIntegerValueOrDefault(list, TagFromName.Columns, 0);
        if (rows == 0 || columns == 0) {
            return null;
        }
        Attribute pixelData = list.getPixelData();
        if (pixelData == null) {
            return "image of " + columns + "x" + rows + " pixels has no readable Pixel Data (data set truncated?)";
        }
        if (TransferSyntax.isEncapsulated(transferSyntaxUid)) {
            return null;
        }
        long expected = (long) rows * columns
                * Attribute.getSingleIntegerValueOrDefault(list, TagFromName.SamplesPerPixel, 1)
                * Attribute.getSingleIntegerValueOrDefault(list, TagFromName.NumberOfFrames, 1)
                * Attribute.getSingleIntegerValueOrDefault(list, TagFromName.BitsAllocated, 16) / 8;
        long actual = pixelData.getVL();
        return actual < expected
                ? "Pixel Data holds " + actual + " bytes; the image header announces " + expected
                : null;
    }

    private static String describe(Exception e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
