package io.synthgate.deid;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.ClinicalTrialsAttributes;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.LongStringAttribute;
import com.pixelmed.dicom.PersonNameAttribute;
import com.pixelmed.dicom.SequenceAttribute;
import com.pixelmed.dicom.SequenceItem;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.dicom.UniqueIdentifierAttribute;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.Iterator;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Applies the Basic Application Level Confidentiality Profile to a data set in place: PixelMed's
 * {@code removeOrNullIdentifyingAttributes} with the configured options (it also records Patient
 * Identity Removed and the De-identification Method Code Sequence), unsafe private attributes
 * removed, every instance UID replaced by its keyed pseudonymous UID, and the patient replaced by
 * its pseudonym. PixelMed's many-boolean signature stays inside this class.
 */
@ApplicationScoped
public class Deidentifier {

    /** Dates move relative to this midnight, so a shift of whole days never moves a time of day. */
    private static final Date ANCHOR = Date.from(LocalDate.of(2000, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant());
    /** UIDs defined by the standard (SOP classes, transfer syntaxes, coding schemes) identify nobody. */
    private static final String STANDARD_ROOT = "1.2.840.10008.";

    private final DeidConfig config;

    public Deidentifier(DeidConfig config) {
        this.config = config;
    }

    /** De-identifies {@code list} for the patient whose pseudonym and date shift are given. */
    public void apply(AttributeList list, String pseudonym, int dateShiftDays, UnaryOperator<String> uidMapping)
            throws DicomException {
        boolean shiftDates = config.retainLongitudinalModifiedDates();
        Date epoch = Date.from(ANCHOR.toInstant().minusSeconds(86_400L * dateShiftDays));
        ClinicalTrialsAttributes.removeOrNullIdentifyingAttributes(list,
                ClinicalTrialsAttributes.HandleUIDs.keep,
                config.retainDescriptors(),
                config.retainSeriesDescription(),
                false,
                config.retainPatientCharacteristics(),
                config.retainDeviceIdentity(),
                config.retainInstitutionIdentity(),
                shiftDates ? ClinicalTrialsAttributes.HandleDates.modify : ClinicalTrialsAttributes.HandleDates.remove,
                shiftDates ? epoch : null,
                shiftDates ? ANCHOR : null,
                ClinicalTrialsAttributes.HandleStructuredContent.remove,
                true);
        list.removeUnsafePrivateAttributes();
        remapUids(list, uidMapping);
        replace(list, new PersonNameAttribute(TagFromName.PatientName), pseudonym);
        replace(list, new LongStringAttribute(TagFromName.PatientID), pseudonym);
        list.remove(TagFromName.IssuerOfPatientID);
        list.remove(TagFromName.OtherPatientIDsSequence);
    }

    /** The De-identification Method Code Sequence PixelMed recorded. */
    public static List<CodedConcept> methodCodes(AttributeList list) {
        List<CodedConcept> codes = new ArrayList<>();
        Attribute sequence = list.get(TagFromName.DeidentificationMethodCodeSequence);
        if (sequence instanceof SequenceAttribute items) {
            Iterator<SequenceItem> iterator = items.iterator();
            while (iterator.hasNext()) {
                AttributeList item = iterator.next().getAttributeList();
                codes.add(new CodedConcept(Attribute.getSingleStringValueOrEmptyString(item, TagFromName.CodeValue),
                        Attribute.getSingleStringValueOrEmptyString(item, TagFromName.CodingSchemeDesignator),
                        Attribute.getSingleStringValueOrEmptyString(item, TagFromName.CodeMeaning)));
            }
        }
        return codes;
    }

    private static void remapUids(AttributeList list, UnaryOperator<String> mapping) throws DicomException {
        for (Object key : new ArrayList<>(list.keySet())) {
            AttributeTag tag = (AttributeTag) key;
            Attribute attribute = list.get(tag);
            if (attribute instanceof SequenceAttribute sequence) {
                Iterator<SequenceItem> items = sequence.iterator();
                while (items.hasNext()) {
                    remapUids(items.next().getAttributeList(), mapping);
                }
            } else if (attribute instanceof UniqueIdentifierAttribute && tag.getGroup() != 0x0002) {
                String[] values = attribute.getStringValues();
                attribute.removeValues();
                for (String value : values == null ? new String[0] : values) {
                    attribute.addValue(value.startsWith(STANDARD_ROOT) ? value : mapping.apply(value));
                }
            }
        }
    }

    private static void replace(AttributeList list, Attribute attribute, String value) throws DicomException {
        attribute.addValue(value);
        list.put(attribute);
    }
}
