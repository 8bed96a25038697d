package io.synthgate.wrap;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Body part names as people type them in a text-to-image run, mapped to DICOM Body Part Examined terms (PS3.16 CID 4031). */
final class BodyParts {

    private static final Map<String, String> TERMS = Map.ofEntries(
            Map.entry("head", "HEAD"), Map.entry("skull", "SKULL"), Map.entry("neck", "NECK"),
            Map.entry("chest", "CHEST"), Map.entry("thorax", "THORAX"), Map.entry("abdomen", "ABDOMEN"),
            Map.entry("pelvis", "PELVIS"), Map.entry("shoulder", "SHOULDER"), Map.entry("elbow", "ELBOW"),
            Map.entry("wrist", "WRIST"), Map.entry("hand", "HAND"), Map.entry("hip", "HIP"), Map.entry("knee", "KNEE"),
            Map.entry("ankle", "ANKLE"), Map.entry("foot", "FOOT"), Map.entry("spine", "SPINE"),
            Map.entry("cervical spine", "CSPINE"), Map.entry("thoracic spine", "TSPINE"),
            Map.entry("lumbar spine", "LSPINE"));

    private BodyParts() {
    }

    /** The defined term for {@code name}, or empty when it has none (Body Part Examined is then left out). */
    static Optional<String> code(String name) {
        return Optional.ofNullable(TERMS.get(name.strip().toLowerCase(Locale.ROOT)));
    }
}
