package io.synthgate.deid;

import io.quarkus.runtime.annotations.ConfigPhase;
import io.quarkus.runtime.annotations.ConfigRoot;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import io.synthgate.pipeline.DeidOptions;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/** De-identification options (PS3.15 Annex E) and the pseudonym key. */
@ConfigMapping(prefix = "synthgate.deid")
@ConfigRoot(phase = ConfigPhase.RUN_TIME)
public interface DeidConfig {

    /**
     * Secret key of the keyed pseudonyms, UIDs and date shifts (HMAC-SHA256). Give it from the
     * environment ({@code SYNTHGATE_DEID_PSEUDONYM_KEY}); changing it changes every pseudonym. When
     * absent, a random key is generated once and kept in the database beside the re-identification
     * table. Never logged.
     */
    Optional<String> pseudonymKey();

    /**
     * Retain Longitudinal Temporal Information with Modified Dates (113107): dates are shifted by the
     * same whole number of days for every object of a patient. When false, dates are removed.
     * Default {@code true}.
     */
    @WithDefault("true")
    boolean retainLongitudinalModifiedDates();

    /** Largest date shift in days; each patient's shift lies between 1 and this. Default {@code 365}. */
    @WithDefault("365")
    int maxDateShiftDays();

    /** Retain Patient Characteristics (113108): sex, age, size, weight. Default {@code false}. */
    @WithDefault("false")
    boolean retainPatientCharacteristics();

    /**
     * Retain descriptors (study, series and image descriptions, comments). They are free text and
     * may carry identity; keep them only where a human has checked the source. Default {@code false}.
     */
    @WithDefault("false")
    boolean retainDescriptors();

    /** Retain the Series Description even when other descriptors are removed (free text too). Default {@code false}. */
    @WithDefault("false")
    boolean retainSeriesDescription();

    /** Retain Device Identity (113109). Default {@code false}. */
    @WithDefault("false")
    boolean retainDeviceIdentity();

    /** Retain Institution Identity (113112). Default {@code false}. */
    @WithDefault("false")
    boolean retainInstitutionIdentity();

    /** The options these {@code retain-*} keys give, used when an experiment names none of its own. */
    default DeidOptions defaults() {
        Set<DeidOptions.Retained> retained = EnumSet.noneOf(DeidOptions.Retained.class);
        Map.of(DeidOptions.Retained.MODIFIED_DATES, retainLongitudinalModifiedDates(),
                DeidOptions.Retained.PATIENT_CHARACTERISTICS, retainPatientCharacteristics(),
                DeidOptions.Retained.DESCRIPTORS, retainDescriptors(),
                DeidOptions.Retained.SERIES_DESCRIPTION, retainSeriesDescription(),
                DeidOptions.Retained.DEVICE_IDENTITY, retainDeviceIdentity(),
                DeidOptions.Retained.INSTITUTION_IDENTITY, retainInstitutionIdentity())
                .forEach((option, configured) -> {
                    if (configured) {
                        retained.add(option);
                    }
                });
        return new DeidOptions(retained);
    }

    /**
     * Modalities whose pixels commonly carry burned-in text (ultrasound, secondary captures and
     * screenshots); like any object with Burned In Annotation YES they are never sent to an external
     * generator unless a pixel-cleaning rule covers them. Default {@code US,SC,OT,XC,ES,DOC}.
     */
    @WithDefault("US,SC,OT,XC,ES,DOC")
    List<String> burnedInTextModalities();

    /**
     * Pixel-cleaning rules by name, {@code synthgate.deid.pixel-cleaning.<name>.*}: every rule that
     * covers an object blanks its regions on every frame of the de-identified copy, and an object so
     * cleaned may go to external generators even when it may carry burned-in text. None by default.
     */
    @WithName("pixel-cleaning")
    Map<String, PixelCleaningEntry> pixelCleaning();

    /** One pixel-cleaning rule as configured; see {@link PixelCleaningRule}. */
    interface PixelCleaningEntry {

        /** Modality it covers, e.g. {@code US}. */
        Optional<String> modality();

        /** Text the Manufacturer contains, ignoring case. */
        Optional<String> manufacturer();

        /** Text the Manufacturer's Model Name contains, ignoring case. */
        Optional<String> model();

        /** Rows it covers, when the text's place depends on the matrix. */
        OptionalInt rows();

        /** Columns it covers. */
        OptionalInt columns();

        /** Regions to blank, in the mask language, e.g. {@code rectangle 0 0 100% 60}. */
        String regions();
    }
}
