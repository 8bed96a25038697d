package io.synthgate.masking;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.OtherWordAttribute;
import com.pixelmed.dicom.SOPClass;
import com.pixelmed.dicom.SequenceAttribute;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.dicom.TransferSyntax;
import io.synthgate.dicom.SopInstanceUid;
import io.synthgate.mask.DrawnRegion;
import io.synthgate.mask.DrawnRegions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a Segmentation (PS3.3 A.51) into regions on the images it segments: each frame belongs to
 * the segment its Segment Identification names and lies on the image its Derivation Image's Source
 * Image names. BINARY and FRACTIONAL (set from half the maximum up) segmentations, native encoding.
 */
final class Segmentations {

    private static final AttributeTag SEGMENT_SEQUENCE = new AttributeTag(0x0062, 0x0002);
    private static final AttributeTag SEGMENT_NUMBER = new AttributeTag(0x0062, 0x0004);
    private static final AttributeTag SEGMENT_LABEL = new AttributeTag(0x0062, 0x0005);
    private static final AttributeTag SEGMENT_IDENTIFICATION = new AttributeTag(0x0062, 0x000A);
    private static final AttributeTag REFERENCED_SEGMENT_NUMBER = new AttributeTag(0x0062, 0x000B);
    private static final AttributeTag MAXIMUM_FRACTIONAL_VALUE = new AttributeTag(0x0062, 0x000E);
    private static final AttributeTag DERIVATION_IMAGE = new AttributeTag(0x0008, 0x9124);

    /** What one segmentation gave: frames placed on images, and frames that name no source image. */
    record Summary(int placedFrames, int unplacedFrames) {
    }

    private Segmentations() {
    }

    static boolean isSegmentation(String sopClassUid) {
        return SOPClass.SegmentationStorage.equals(sopClassUid);
    }

    static Summary read(Path file, String name, DrawnRegions.Builder into) throws IOException, DicomException {
        AttributeList list = new AttributeList();
        list.read(file.toFile());
        String syntax = Attribute.getSingleStringValueOrEmptyString(list, TagFromName.TransferSyntaxUID);
        if (new TransferSyntax(syntax).isEncapsulated()) {
            throw new DicomException("Segmentation " + name + " is compressed (" + syntax + "); SynthGate reads native"
                    + " segmentations");
        }
        int rows = Attribute.getSingleIntegerValueOrDefault(list, TagFromName.Rows, 0);
        int columns = Attribute.getSingleIntegerValueOrDefault(list, TagFromName.Columns, 0);
        int frames = Attribute.getSingleIntegerValueOrDefault(list, TagFromName.NumberOfFrames, 1);
        int bitsAllocated = Attribute.getSingleIntegerValueOrDefault(list, TagFromName.BitsAllocated, 1);
        boolean fractional = "FRACTIONAL".equals(Attribute.getSingleStringValueOrEmptyString(list, TagFromName.SegmentationType));
        int threshold = (Attribute.getSingleIntegerValueOrDefault(list, MAXIMUM_FRACTIONAL_VALUE, 255) + 1) / 2;
        Attribute data = list.get(TagFromName.PixelData);
        if (rows <= 0 || columns <= 0 || data == null || (fractional ? bitsAllocated != 8 : bitsAllocated != 1)) {
            throw new DicomException("Segmentation " + name + " has no readable frames (" + columns + "x" + rows + ", "
                    + bitsAllocated + " bits allocated)");
        }
        byte[] bytes = data instanceof OtherWordAttribute words ? words.getByteValues(false) : data.getByteValues();
        Map<Integer, String> labels = labels(list);
        Integer sharedSegment = segmentOf(SequenceAttribute.getNamedAttributeFromWithinSequenceWithSingleItem(list,
                TagFromName.SharedFunctionalGroupsSequence, SEGMENT_IDENTIFICATION));
        SequenceAttribute perFrame = list.get(TagFromName.PerFrameFunctionalGroupsSequence) instanceof SequenceAttribute
                sequence ? sequence : null;
        List<Map.Entry<SopInstanceUid, DrawnRegions.Segment>> placed = new ArrayList<>();
        int pixels = rows * columns;
        for (int frame = 0; frame < frames; frame++) {
            AttributeList group = perFrame == null || frame >= perFrame.getNumberOfItems() ? null
                    : perFrame.getItem(frame).getAttributeList();
            Integer segment = group == null ? null : segmentOf(group.get(SEGMENT_IDENTIFICATION));
            segment = segment == null ? sharedSegment : segment;
            String image = group == null ? null : sourceImage(group);
            if (segment == null || image == null) {
                continue;
            }
            BitSet full = new BitSet(pixels);
            for (int pixel = 0; pixel < pixels; pixel++) {
                long index = (long) frame * pixels + pixel;
                boolean set = fractional
                        ? index < bytes.length && (bytes[(int) index] & 0xFF) >= threshold
                        : index / 8 < bytes.length && (bytes[(int) (index / 8)] & (1 << (index % 8))) != 0;
                if (set) {
                    full.set(pixel);
                }
            }
            String label = labels.getOrDefault(segment, "");
            placed.add(Map.entry(new SopInstanceUid(image), new DrawnRegions.Segment(segment, label, DrawnRegion.of(
                    "segment " + segment + " (" + label + ") of " + name, columns, rows, full))));
        }
        // Only a segmentation read to its end gives regions: a broken one gives none, not some.
        placed.forEach(frame -> into.segment(frame.getKey(), frame.getValue()));
        return new Summary(placed.size(), frames - placed.size());
    }

    private static Map<Integer, String> labels(AttributeList list) {
        Map<Integer, String> labels = new HashMap<>();
        if (list.get(SEGMENT_SEQUENCE) instanceof SequenceAttribute segments) {
            for (int i = 0; i < segments.getNumberOfItems(); i++) {
                AttributeList item = segments.getItem(i).getAttributeList();
                labels.put(Attribute.getSingleIntegerValueOrDefault(item, SEGMENT_NUMBER, 0),
                        Attribute.getSingleStringValueOrEmptyString(item, SEGMENT_LABEL).strip());
            }
        }
        return labels;
    }

    private static Integer segmentOf(Attribute identification) {
        if (identification instanceof SequenceAttribute sequence && sequence.getNumberOfItems() > 0) {
            int number = Attribute.getSingleIntegerValueOrDefault(sequence.getItem(0).getAttributeList(),
                    REFERENCED_SEGMENT_NUMBER, 0);
            return number > 0 ? number : null;
        }
        return null;
    }

    private static String sourceImage(AttributeList frameGroup) {
        if (frameGroup.get(DERIVATION_IMAGE) instanceof SequenceAttribute derivation && derivation.getNumberOfItems() > 0
                && derivation.getItem(0).getAttributeList().get(TagFromName.SourceImageSequence) instanceof SequenceAttribute
                        source && source.getNumberOfItems() > 0) {
            String uid = Attribute.getSingleStringValueOrEmptyString(source.getItem(0).getAttributeList(),
                    TagFromName.ReferencedSOPInstanceUID).strip();
            return uid.isEmpty() ? null : uid;
        }
        return null;
    }
}
