package io.synthgate.wrap;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.CodeStringAttribute;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.LongStringAttribute;
import com.pixelmed.dicom.SequenceAttribute;
import com.pixelmed.dicom.ShortStringAttribute;
import com.pixelmed.dicom.TagFromName;
import io.synthgate.deid.CodedConcept;

/** Small builders for the data sets the wrap step writes. */
final class Attributes {

    private Attributes() {
    }

    /** Puts {@code attribute} with {@code values} (none: an empty Type 2 attribute). */
    static void put(AttributeList list, Attribute attribute, String... values) throws DicomException {
        for (String value : values) {
            attribute.addValue(value);
        }
        list.put(attribute);
    }

    /** A code sequence item: Code Value, Coding Scheme Designator, Code Meaning. */
    static AttributeList code(CodedConcept concept) throws DicomException {
        AttributeList item = new AttributeList();
        put(item, new ShortStringAttribute(TagFromName.CodeValue), concept.value());
        put(item, new ShortStringAttribute(TagFromName.CodingSchemeDesignator), concept.scheme());
        put(item, new LongStringAttribute(TagFromName.CodeMeaning), concept.meaning());
        return item;
    }

    /** A sequence of the given items. */
    static SequenceAttribute sequence(AttributeTag tag, AttributeList... items) {
        SequenceAttribute sequence = new SequenceAttribute(tag);
        for (AttributeList item : items) {
            sequence.addItem(item);
        }
        return sequence;
    }

    static CodeStringAttribute codeString(AttributeTag tag, String value) throws DicomException {
        CodeStringAttribute attribute = new CodeStringAttribute(tag);
        attribute.addValue(value);
        return attribute;
    }
}
