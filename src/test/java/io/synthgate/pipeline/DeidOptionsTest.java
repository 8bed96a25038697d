package io.synthgate.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synthgate.pipeline.DeidOptions.Retained;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DeidOptionsTest {

    private static final DeidOptions DEFAULTS = new DeidOptions(Set.of(Retained.MODIFIED_DATES));

    @Test
    void aRouteThatNamesNoOptionsGetsTheConfiguredOnes() {
        assertSame(DEFAULTS, DeidOptions.parse(null, DEFAULTS));
        assertSame(DEFAULTS, DeidOptions.parse("  ", DEFAULTS));
    }

    @Test
    void namedOptionsReplaceTheDefaultsWhole() {
        assertEquals(Set.of(Retained.PATIENT_CHARACTERISTICS, Retained.DEVICE_IDENTITY),
                DeidOptions.parse(" Patient-Characteristics ,device-identity", DEFAULTS).retained());
        assertTrue(DeidOptions.parse("none", DEFAULTS).retained().isEmpty(), "none keeps nothing, not even dates");
    }

    @Test
    void anUnknownOptionIsRefusedWithTheNamesThatExist() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> DeidOptions.parse("modified-dates, patient-names", DEFAULTS));
        assertTrue(refused.getMessage().contains("'patient-names'") && refused.getMessage().contains("institution-identity"),
                refused.getMessage());
    }
}
