package io.synthgate.pipeline;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the de-identified copy keeps beyond the Basic Profile (PS3.15 Annex E options). The gateway's
 * defaults come from {@code synthgate.deid.retain-*}; an experiment may name its own set in the text form
 * {@code modified-dates, patient-characteristics}, or {@code none} to keep nothing beyond the profile.
 * The set a copy was made with is recorded in it by the De-identification Method Code Sequence.
 */
public record DeidOptions(Set<Retained> retained) {

    /** One option, by the name routes use for it. */
    public enum Retained {
        /** Retain Longitudinal Temporal Information with Modified Dates (113107); otherwise dates are removed. */
        MODIFIED_DATES,
        /** Retain Patient Characteristics (113108): sex, age, size, weight. */
        PATIENT_CHARACTERISTICS,
        /** Study, series and image descriptions and comments (free text). */
        DESCRIPTORS,
        /** The Series Description alone (free text). */
        SERIES_DESCRIPTION,
        /** Retain Device Identity (113109). */
        DEVICE_IDENTITY,
        /** Retain Institution Identity (113112). */
        INSTITUTION_IDENTITY;

        /** The name in the text form, e.g. {@code modified-dates}. */
        public String textName() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    public DeidOptions {
        retained = retained.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(retained));
    }

    /**
     * The options a route names, or {@code defaults} when it names none (null or blank text).
     *
     * @throws IllegalArgumentException naming the option that is not one of {@link Retained}
     */
    public static DeidOptions parse(String text, DeidOptions defaults) {
        if (text == null || text.isBlank()) {
            return defaults;
        }
        if (text.strip().equalsIgnoreCase("none")) {
            return new DeidOptions(Set.of());
        }
        Set<Retained> retained = EnumSet.noneOf(Retained.class);
        for (String name : text.split(",")) {
            String wanted = name.strip();
            retained.add(Arrays.stream(Retained.values()).filter(option -> option.textName().equalsIgnoreCase(wanted))
                    .findFirst().orElseThrow(() -> new IllegalArgumentException("De-identification option '" + wanted
                            + "' is not one of none, " + Arrays.stream(Retained.values()).map(Retained::textName)
                                    .collect(Collectors.joining(", ")))));
        }
        return new DeidOptions(retained);
    }

    public boolean retains(Retained option) {
        return retained.contains(option);
    }
}
