package io.synthgate.dicom;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.DicomDictionary;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.TagFromName;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;

/**
 * Which instances an experiment takes, or which studies its routing rule takes, in the selection
 * language: criteria joined by {@code ;}, each {@code Keyword=VALUE,VALUE,...} or {@code Keyword~REGEX}
 * with a DICOM attribute keyword (PS3.6, e.g. {@code Modality}, {@code BodyPartExamined},
 * {@code StudyDescription}, {@code SOPClassUID}). An instance is taken when every criterion holds. A
 * {@code =} criterion holds when the attribute's value (any of its values, for a multi-valued one)
 * equals one of the listed values, ignoring case, where {@code *} stands for any run of characters; a
 * {@code ~} criterion holds when the regular expression is found in the value, ignoring case. Besides
 * attribute keywords, {@value #CALLING_AE_TITLE} (or its short form {@value #CALLING_AE}) names the AE
 * title that sent the instance, which the gateway records on receipt and no header holds. An empty text
 * takes every instance.
 */
public record Selection(String text, List<Criterion> criteria) {

    /** The criterion keyword for the calling AE title of the association that stored the instance. */
    public static final String CALLING_AE_TITLE = "CallingAETitle";
    /** The short form of {@link #CALLING_AE_TITLE}. */
    public static final String CALLING_AE = "CallingAE";
    private static final Pattern CRITERION = Pattern.compile("\\s*(\\w+)\\s*(=|~)(.*)", Pattern.DOTALL);

    private static final DicomDictionary DICTIONARY = new DicomDictionary();

    public Selection {
        criteria = List.copyOf(criteria);
    }

    /** One attribute, or the calling AE title where {@code tag} is null, and the values it may have. */
    public record Criterion(String keyword, AttributeTag tag, List<Pattern> values) {

        boolean holds(AttributeList header, AeTitle callingAe) {
            String[] actual = tag == null ? new String[] {callingAe.value()} : Attribute.getStringValues(header, tag);
            if (actual == null || actual.length == 0) {
                actual = new String[] {""};
            }
            return Arrays.stream(actual).anyMatch(value -> values.stream()
                    .anyMatch(pattern -> pattern.matcher(value.strip()).matches()));
        }
    }

    public static Selection parse(String text) {
        if (text == null || text.isBlank()) {
            return new Selection("", List.of());
        }
        List<Criterion> criteria = new ArrayList<>();
        for (String part : text.split(";")) {
            Matcher criterion = CRITERION.matcher(part);
            if (!criterion.matches()) {
                throw new IllegalArgumentException("Selection '" + part.strip()
                        + "' is not Keyword=VALUE,VALUE,... or Keyword~REGEX");
            }
            String keyword = criterion.group(1);
            AttributeTag tag = DICTIONARY.getTagFromName(keyword);
            if (tag == null && !keyword.equals(CALLING_AE) && !keyword.equals(CALLING_AE_TITLE)) {
                throw new IllegalArgumentException("Selection '" + part.strip() + "': " + keyword
                        + " is not a DICOM attribute keyword");
            }
            List<Pattern> values = criterion.group(2).equals("~") ? List.of(regex(part, criterion.group(3).strip()))
                    : Arrays.stream(criterion.group(3).split(",")).map(String::strip).map(Selection::pattern).toList();
            criteria.add(new Criterion(keyword, tag, values));
        }
        return new Selection(text.strip(), criteria);
    }

    /**
     * Whether the instance sent by {@code callingAe} with this header is taken; the header may be null
     * when {@link #readsHeader()} is false.
     */
    public boolean takes(AttributeList header, AeTitle callingAe) {
        return criteria.stream().allMatch(criterion -> criterion.holds(header, callingAe));
    }

    /**
     * Whether the instance stored in {@code file} and sent by {@code callingAe} is taken; its header
     * is read (up to Pixel Data) only when a criterion needs it.
     *
     * @throws IOException when the header is needed and cannot be read, naming the file
     */
    public boolean takesInstance(Path file, AeTitle callingAe) throws IOException {
        if (!readsHeader()) {
            return takes(null, callingAe);
        }
        AttributeList header = new AttributeList();
        try {
            header.read(file.toFile(), TagFromName.PixelData);
        } catch (DicomException e) {
            throw new IOException(file.getFileName() + " cannot be read for selection: " + e.getMessage(), e);
        }
        return takes(header, callingAe);
    }

    /** Whether any criterion reads the instance's header, so selecting costs a read of each file. */
    public boolean readsHeader() {
        return criteria.stream().anyMatch(criterion -> criterion.tag() != null);
    }

    public boolean takesAll() {
        return criteria.isEmpty();
    }

    /** A regular expression found anywhere in the value: it matches the whole value padded with any characters. */
    private static Pattern regex(String part, String expression) {
        try {
            return Pattern.compile(".*(?:" + expression + ").*",
                    Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("Selection '" + part.strip() + "': '" + expression
                    + "' is not a regular expression: " + e.getDescription());
        }
    }

    private static Pattern pattern(String value) {
        String regex = Arrays.stream(value.split("\\*", -1)).map(Pattern::quote)
                .collect(Collectors.joining(".*"));
        return Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }
}
