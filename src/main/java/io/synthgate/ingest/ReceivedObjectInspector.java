package io.synthgate.ingest;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.dicom.TransferSyntax;
import io.synthgate.dicom.DataSetStructure;
import io.synthgate.dicom.DimseStatus;
import io.synthgate.dicom.SopInstanceUid;
import io.synthgate.dicom.StudyInstanceUid;
import java.io.IOException;

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
        DataSetStructure.Result structure;
        try {
            structure = DataSetStructure.walk(request.temporaryFile(), request.transferSyntaxUid());
        } catch (IOException e) {
            return new Invalid(DimseStatus.CANNOT_UNDERSTAND, "data set cannot be read: " + describe(e));
        }
        if (structure.fault() != null) {
            return new Invalid(DimseStatus.CANNOT_UNDERSTAND, "malformed data set: " + structure.fault());
        }
        AttributeList list = new AttributeList();
        list.setDecompressPixelData(false);
        try {
            // The walk has checked the whole structure; the header is all that is left to read.
            list.read(request.temporaryFile().toFile(), TagFromName.PixelData);
        } catch (IOException | DicomException | RuntimeException e) {
            return new Invalid(DimseStatus.CANNOT_UNDERSTAND, "data set cannot be parsed: " + describe(e));
        }
        String incomplete = pixelDataProblem(list, request.transferSyntaxUid(), structure.nativePixelDataLength());
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
            return identify(list);
        } catch (IllegalArgumentException e) {
            return new Invalid(DimseStatus.CANNOT_UNDERSTAND, e.getMessage());
        }
    }

    /**
     * What a data set's header says about the instance.
     *
     * @throws IllegalArgumentException when a value does not fit its record: an invalid study or SOP
     *         Instance UID, a Series Instance UID or SOP Class UID longer than 64 characters, a Modality
     *         longer than 16
     */
    static Valid identify(AttributeList list) {
        String series = Attribute.getSingleStringValueOrNull(list, TagFromName.SeriesInstanceUID);
        String modality = Attribute.getSingleStringValueOrNull(list, TagFromName.Modality);
        requireLength(series, 64, "Series Instance UID");
        requireLength(Attribute.getSingleStringValueOrNull(list, TagFromName.SOPClassUID), 64, "SOP Class UID");
        requireLength(modality, 16, "Modality");
        return new Valid(
                new StudyInstanceUid(Attribute.getSingleStringValueOrEmptyString(list, TagFromName.StudyInstanceUID)),
                series,
                new SopInstanceUid(Attribute.getSingleStringValueOrEmptyString(list, TagFromName.SOPInstanceUID)),
                modality);
    }

    private static void requireLength(String value, int limit, String what) {
        if (value != null && value.length() > limit) {
            throw new IllegalArgumentException(what + " is longer than " + limit + " characters: '" + value + "'");
        }
    }

    /** Native Pixel Data shorter than the image header announces, or none at all, is refused. */
    private static String pixelDataProblem(AttributeList list, String transferSyntaxUid, long nativePixelDataLength) {
        int rows = Attribute.getSingleIntegerValueOrDefault(list, TagFromName.Rows, 0);
        int columns = Attribute.getSingleIntegerValueOrDefault(list, TagFromName.Columns, 0);
        if (rows == 0 || columns == 0 || TransferSyntax.isEncapsulated(transferSyntaxUid)) {
            return null;
        }
        if (nativePixelDataLength < 0) {
            return "image of " + columns + "x" + rows + " pixels has no Pixel Data";
        }
        // 4:2:2 chroma stores two samples per pixel (Y1 Y2 Cb Cr per pair), whatever Samples per Pixel says
        int samplesPerPixel = Attribute.getSingleIntegerValueOrDefault(list, TagFromName.SamplesPerPixel, 1);
        boolean subsampled = samplesPerPixel == 3 && Attribute.getSingleStringValueOrEmptyString(list,
                TagFromName.PhotometricInterpretation).endsWith("_422");
        long expected = (long) rows * (subsampled ? (columns + 1) / 2 * 2 : columns)
                * (subsampled ? 2 : samplesPerPixel)
                * Attribute.getSingleIntegerValueOrDefault(list, TagFromName.NumberOfFrames, 1)
                * Attribute.getSingleIntegerValueOrDefault(list, TagFromName.BitsAllocated, 16) / 8;
        return nativePixelDataLength < expected
                ? "Pixel Data holds " + nativePixelDataLength + " bytes; the image header announces " + expected
                : null;
    }

    private static String describe(Exception e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
