package io.synthgate.dicom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class UidsTest {

    @Test
    void derivesTheSameUidFromTheSameParts() {
        assertEquals(Uids.derive("instance", "inpaint", "1.2.3"), Uids.derive("instance", "inpaint", "1.2.3"));
    }

    @Test
    void derivesDifferentUidsFromDifferentParts() {
        assertNotEquals(Uids.derive("instance", "inpaint", "1.2.3"), Uids.derive("instance", "inpaint", "1.2.4"));
        assertNotEquals(Uids.derive("instance", "inpaint", "1.2.3"), Uids.derive("instance", "erase", "1.2.3"));
    }

    @Test
    void derivedUidsAreValidUuidDerivedUids() {
        String uid = Uids.derive("study", "inpaint", "1.2.840.113619.2.1");
        assertTrue(uid.startsWith("2.25."), uid);
        assertTrue(uid.length() <= 64, uid);
        assertTrue(Uids.isConformant(uid), uid);
    }

    @Test
    void rejectsWhatCannotBeAUid() {
        assertThrows(IllegalArgumentException.class, () -> new StudyInstanceUid("1.2.a"));
        assertThrows(IllegalArgumentException.class, () -> new StudyInstanceUid("1..2"));
        assertThrows(IllegalArgumentException.class, () -> new StudyInstanceUid("1.2."));
        assertThrows(IllegalArgumentException.class, () -> new StudyInstanceUid("1." + "1".repeat(64)));
        assertThrows(IllegalArgumentException.class, () -> new SopInstanceUid(""));
    }

    @Test
    void acceptsALeadingZeroAsArchivesHoldItButKnowsItBreaksTheRule() {
        assertEquals("1.2.03", new StudyInstanceUid("1.2.03").value());
        assertFalse(Uids.isConformant("1.2.03"));
        assertFalse(Uids.isConformant("01.2"));
        assertTrue(Uids.isConformant("1.2.0.3"));
        assertFalse(Uids.isConformant("1." + "1".repeat(63)));
    }

    @Test
    void aeTitlesAreTrimmedAndBounded() {
        assertEquals("ORTHANC", new AeTitle(" ORTHANC ").value());
        assertThrows(IllegalArgumentException.class, () -> new AeTitle("A_TITLE_OVER_16_CHARS"));
        assertThrows(IllegalArgumentException.class, () -> new AeTitle("BACK\\SLASH"));
        assertThrows(IllegalArgumentException.class, () -> new AeTitle("   "));
    }
}
