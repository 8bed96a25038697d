package io.synthgate.expertmask;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.TagFromName;
import io.synthgate.dicom.UnsupportedSourceException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/** What the mask gate reads of a stored image: its size and its body part. */
record ImageHeader(int columns, int rows, int frames, Optional<String> bodyPart) {

    static ImageHeader read(Path file, String name) throws IOException, UnsupportedSourceException {
        AttributeList header = new AttributeList();
        try {
            header.read(file.toFile(), TagFromName.PixelData);
        } catch (DicomException e) {
            throw new UnsupportedSourceException("SOP Instance " + name + " cannot be read: " + e.getMessage(), e);
        }
        String bodyPart = Attribute.getSingleStringValueOrEmptyString(header, TagFromName.BodyPartExamined).strip();
        return new ImageHeader(Attribute.getSingleIntegerValueOrDefault(header, TagFromName.Columns, 0),
                Attribute.getSingleIntegerValueOrDefault(header, TagFromName.Rows, 0),
                Math.max(1, Attribute.getSingleIntegerValueOrDefault(header, TagFromName.NumberOfFrames, 1)),
                bodyPart.isEmpty() ? Optional.empty() : Optional.of(bodyPart));
    }
}
