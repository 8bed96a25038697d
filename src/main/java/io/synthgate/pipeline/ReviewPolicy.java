package io.synthgate.pipeline;

import java.util.Locale;

/** Whether an experiment's candidates wait for a radiologist before export ({@code synthgate.experiments.<name>.review}). */
public enum ReviewPolicy {
    /** Candidates are exported as soon as they are written. */
    NONE,
    /** Candidates wait for a verdict; only approved ones are exported. */
    REQUIRED,
    /**
     * Candidates wait for a verdict; then every one is exported, approved and rejected alike, with
     * its verdict and grade written into the object, for studies that analyse the rejected too.
     */
    RECORDED;

    /** Whether candidates wait for a radiologist's verdict before export. */
    public boolean holds() {
        return this != NONE;
    }

    /** The policy in its text form, any case; absent or blank means {@link #NONE}. */
    public static ReviewPolicy parse(String text) {
        if (text == null || text.isBlank()) {
            return NONE;
        }
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("A review policy is none, required or recorded, not '" + text + "'");
        }
    }
}
