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
import io.synthgate.pipeline.DeidOptions.Retained;
import io.synthgate.pipeline.DeidOptions;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Applies the Basic Application Level Confidentiality Profile to a data set in place: PixelMed's
 * {@code removeOrNullIdentifyingAttributes} with the given {@link DeidOptions} (it also records Patient
 * Identity Removed and the De-identification Method Code Sequence), unsafe private attributes
 * removed, free text beyond what the options keep removed, every instance UID replaced by its keyed
 * pseudonymous UID, and the patient replaced by its pseudonym. PixelMed's many-boolean signature stays inside this class.
 */
@ApplicationScoped
public class Deidentifier {

    /** Dates move relative to this midnight, so a shift of whole days never moves a time of day. */
    private static final Date ANCHOR = Date.from(LocalDate.of(2000, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant());
    /** UIDs defined by the standard (SOP classes, transfer syntaxes, coding schemes) identify nobody. */
    private static final String STANDARD_ROOT = "1.2.840.10008.";

    private static final Set<String> FREE_TEXT_VRS = Set.of("LO", "SH", "ST", "LT", "UT", "UC", "PN");
    /**
     * Rescale Type and Modality LUT Type defined terms (PS3.3 C.11.1.1.2); anything else in those LO
     * fields is free text, replaced by "US" (unspecified) since a Modality LUT Sequence item requires it.
     */
    private static final Set<String> RESCALE_TYPES = Set.of("US", "OD", "HU", "MGML", "Z_EFF", "ED", "EDW", "HU_MOD", "PCT");
    private static final Set<AttributeTag> UNIT_TYPES = Set.of(TagFromName.RescaleType, new AttributeTag(0x0028, 0x3004));

    /** De-identifies {@code list} for the patient whose pseudonym and date shift are given. */
    public void apply(AttributeList list, DeidOptions options, String pseudonym, int dateShiftDays,
            UnaryOperator<String> uidMapping) throws DicomException {
        boolean shiftDates = options.retains(Retained.MODIFIED_DATES);
        Date epoch = Date.from(ANCHOR.toInstant().minusSeconds(86_400L * dateShiftDays));
        ClinicalTrialsAttributes.removeOrNullIdentifyingAttributes(list,
                ClinicalTrialsAttributes.HandleUIDs.keep,
                options.retains(Retained.DESCRIPTORS),
                options.retains(Retained.SERIES_DESCRIPTION),
                false,
                options.retains(Retained.PATIENT_CHARACTERISTICS),
                options.retains(Retained.DEVICE_IDENTITY),
                options.retains(Retained.INSTITUTION_IDENTITY),
                shiftDates ? ClinicalTrialsAttributes.HandleDates.modify : ClinicalTrialsAttributes.HandleDates.remove,
                shiftDates ? epoch : null,
                shiftDates ? ANCHOR : null,
                ClinicalTrialsAttributes.HandleStructuredContent.remove,
                true);
        list.removeUnsafePrivateAttributes();
        removeFreeText(list, keptText(options));
        remapUids(list, uidMapping);
        replace(list, new PersonNameAttribute(TagFromName.PatientName), pseudonym);
        replace(list, new LongStringAttribute(TagFromName.PatientID), pseudonym);
        list.remove(TagFromName.IssuerOfPatientID);
        list.remove(TagFromName.OtherPatientIDsSequence);
    }

    /**
     * Free text the de-identified copy keeps. The Basic Profile keeps technical text such as
     * Manufacturer, Convolution Kernel or Contrast/Bolus Route, but sites type names and notes into
     * such fields too; SynthGate needs none of them, so beyond the profile every other text value goes.
     */
    private static Set<AttributeTag> keptText(DeidOptions options) {
        Set<AttributeTag> kept = new HashSet<>(Set.of(TagFromName.PatientName, TagFromName.PatientID,
                TagFromName.DeidentificationMethod, TagFromName.CodeMeaning, TagFromName.CodingSchemeDesignator,
                TagFromName.CodeValue));
        if (options.retains(Retained.DESCRIPTORS)) {
            kept.addAll(List.of(TagFromName.StudyDescription, TagFromName.SeriesDescription, TagFromName.ImageComments));
        }
        if (options.retains(Retained.SERIES_DESCRIPTION)) {
            kept.add(TagFromName.SeriesDescription);
        }
        if (options.retains(Retained.DEVICE_IDENTITY)) {
            kept.addAll(List.of(TagFromName.Manufacturer, TagFromName.ManufacturerModelName, TagFromName.SoftwareVersions,
                    TagFromName.StationName, TagFromName.DeviceSerialNumber));
        }
        if (options.retains(Retained.INSTITUTION_IDENTITY)) {
            kept.addAll(List.of(TagFromName.InstitutionName, TagFromName.InstitutionalDepartmentName));
        }
        return kept;
    }

    private static void removeFreeText(AttributeList list, Set<AttributeTag> kept) throws DicomException {
        forEachLeaf(list, (owner, tag, attribute) -> {
            if (UNIT_TYPES.contains(tag)) {
                if (!RESCALE_TYPES.contains(attribute.getSingleStringValueOrEmptyString())) {
                    attribute.removeValues();
                    attribute.addValue("US");
                }
            } else if (FREE_TEXT_VRS.contains(new String(attribute.getVR(), StandardCharsets.US_ASCII))
                    && !kept.contains(tag)) {
                owner.remove(tag);
            }
        });
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
        forEachLeaf(list, (owner, tag, attribute) -> {
            if (attribute instanceof UniqueIdentifierAttribute && tag.getGroup() != 0x0002) {
                String[] values = attribute.getStringValues();
                attribute.removeValues();
                for (String value : values == null ? new String[0] : values) {
                    attribute.addValue(value.startsWith(STANDARD_ROOT) ? value : mapping.apply(value));
                }
            }
        });
    }

    /** Visits every attribute that is not a sequence, in {@code list} and in all nested items. */
    private static void forEachLeaf(AttributeList list, LeafVisitor visitor) throws DicomException {
        for (Object key : new ArrayList<>(list.keySet())) {
            AttributeTag tag = (AttributeTag) key;
            Attribute attribute = list.get(tag);
            if (attribute instanceof SequenceAttribute sequence) {
                Iterator<SequenceItem> items = sequence.iterator();
                while (items.hasNext()) {
                    forEachLeaf(items.next().getAttributeList(), visitor);
                }
            } else {
                visitor.visit(list, tag, attribute);
            }
        }
    }

    /** What {@link #forEachLeaf} does with one attribute of the list that holds it. */
    @FunctionalInterface
    private interface LeafVisitor {
        void visit(AttributeList owner, AttributeTag tag, Attribute attribute) throws DicomException;
    }

    private static void replace(AttributeList list, Attribute attribute, String value) throws DicomException {
        attribute.addValue(value);
        list.put(attribute);
    }
}
