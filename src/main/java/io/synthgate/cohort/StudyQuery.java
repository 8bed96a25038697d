package io.synthgate.cohort;

import io.synthgate.failure.InvalidRequestException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a cohort asks the PACS for, in patient-free keys only: a key that could name or identify a
 * patient (name, ID, birth date) is refused, so a cohort request never carries one.
 *
 * @param modality matched against Modalities in Study, e.g. {@code CR} or {@code CR\DX}
 * @param studyDate a DICOM date or range: {@code 20240101}, {@code 20240101-20241231}, {@code -20241231}
 * @param studyDescription matched as the PACS matches it, {@code *} and {@code ?} as wildcards
 * @param bodyPart Body Part Examined of at least one series, asked at series level
 * @param accessionNumbers each asked for in a query of its own; empty for a query by the other keys
 * @param studyInstanceUids asked for together, as a UID list
 */
public record StudyQuery(Optional<String> modality, Optional<String> studyDate, Optional<String> studyDescription,
        Optional<String> bodyPart, List<String> accessionNumbers, List<String> studyInstanceUids) {

    /** Most accession numbers or Study Instance UIDs one cohort asks for. */
    public static final int MAX_LISTED = 10_000;

    private static final Set<String> CODE_STRINGS = Set.of("Modality", "BodyPartExamined");
    /** The keys a query may use, and the pattern a value must match. */
    private static final Map<String, Pattern> KEYS = new LinkedHashMap<>();

    static {
        KEYS.put("Modality", Pattern.compile("[A-Z0-9_]{1,16}(\\\\[A-Z0-9_]{1,16})*"));
        KEYS.put("StudyDate", Pattern.compile("\\d{8}|\\d{8}-|-\\d{8}|\\d{8}-\\d{8}"));
        KEYS.put("StudyDescription", Pattern.compile("[^\\\\\\p{Cntrl}]{1,64}"));
        KEYS.put("BodyPartExamined", Pattern.compile("[A-Z0-9_ ]{1,16}"));
        KEYS.put("AccessionNumber", Pattern.compile("[^\\\\*?\\p{Cntrl}]{1,16}"));
        KEYS.put("StudyInstanceUID", Pattern.compile("[0-9.]{1,64}"));
    }

    public StudyQuery {
        accessionNumbers = List.copyOf(accessionNumbers);
        studyInstanceUids = List.copyOf(studyInstanceUids);
    }

    /**
     * The query of a cohort request: {@code keys} such as {@code {"Modality": "CR", "StudyDate":
     * "20240101-20241231"}}, and/or a list of accession numbers.
     *
     * @throws InvalidRequestException naming the key or value that is not allowed
     */
    public static StudyQuery of(Map<String, String> keys, List<String> accessionNumbers) {
        Map<String, String> given = new LinkedHashMap<>();
        if (keys != null) {
            // Code strings are upper case in DICOM; "cr" typed into a form means CR.
            keys.forEach((key, value) -> given.put(key, value != null && CODE_STRINGS.contains(key)
                    ? value.strip().toUpperCase(Locale.ROOT) : value));
        }
        List<String> accessions = new ArrayList<>(accessionNumbers == null ? List.of() : accessionNumbers);
        for (Map.Entry<String, String> key : given.entrySet()) {
            Pattern pattern = KEYS.get(key.getKey());
            if (pattern == null) {
                throw new InvalidRequestException("Query key '" + key.getKey() + "' is not allowed: a cohort is asked for"
                        + " by patient-free keys only, " + KEYS.keySet());
            }
            if (key.getValue() == null || !pattern.matcher(key.getValue().strip()).matches()) {
                throw new InvalidRequestException("Query key " + key.getKey() + " has a value the query cannot use: '"
                        + key.getValue() + "'" + (key.getKey().equals("StudyDate")
                                ? " (a date YYYYMMDD or a range YYYYMMDD-YYYYMMDD)" : ""));
            }
        }
        Optional.ofNullable(given.get("AccessionNumber")).ifPresent(accessions::add);
        for (String accession : accessions) {
            if (accession == null || !KEYS.get("AccessionNumber").matcher(accession.strip()).matches()) {
                throw new InvalidRequestException("Accession number '" + accession + "' is not one: 1 to 16 characters,"
                        + " no wildcard or backslash");
            }
        }
        List<String> uids = Optional.ofNullable(given.get("StudyInstanceUID")).map(u -> List.of(u.strip()))
                .orElse(List.of());
        if (given.isEmpty() && accessions.isEmpty()) {
            throw new InvalidRequestException("A cohort needs a query (" + KEYS.keySet() + ") or a list of accession"
                    + " numbers: a query without keys would take the whole PACS");
        }
        if (accessions.size() > MAX_LISTED) {
            throw new InvalidRequestException("A cohort lists at most " + MAX_LISTED + " accession numbers, not "
                    + accessions.size());
        }
        return new StudyQuery(value(given, "Modality"), value(given, "StudyDate"), value(given, "StudyDescription"),
                value(given, "BodyPartExamined"), accessions.stream().map(String::strip).distinct().toList(), uids);
    }

    private static Optional<String> value(Map<String, String> keys, String key) {
        return Optional.ofNullable(keys.get(key)).map(String::strip);
    }
}
