package io.synthgate.pipeline;

import io.synthgate.mask.MaskSpec;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Which region of each image an experiment regenerates: a mask by the image's Body Part Examined
 * (the presets, as in Adams et al.: {@code CHEST} the right lower zone, ...), else the experiment's
 * one mask. Parsed and checked when the experiment is loaded.
 *
 * @param fallback the mask of an image whose body part has no preset; empty when only presets apply
 * @param byBodyPart masks by Body Part Examined, upper case
 */
public record MaskPlan(Optional<MaskSpec> fallback, Map<String, MaskSpec> byBodyPart) {

    /** No mask at all: a text-to-image experiment's. */
    public static final MaskPlan NONE = new MaskPlan(Optional.empty(), Map.of());

    public MaskPlan {
        TreeMap<String, MaskSpec> sorted = new TreeMap<>();
        byBodyPart.forEach((part, spec) -> sorted.put(part.strip().toUpperCase(Locale.ROOT), spec));
        byBodyPart = Collections.unmodifiableMap(sorted);
    }

    /** One mask for every image. */
    public static MaskPlan of(MaskSpec spec) {
        return new MaskPlan(Optional.of(spec), Map.of());
    }

    /**
     * The mask of an image whose Body Part Examined is {@code bodyPart} (any case; null or blank when
     * it has none).
     *
     * @throws IllegalArgumentException when neither a preset nor the fallback applies
     */
    public MaskSpec forBodyPart(String bodyPart) {
        String part = bodyPart == null ? "" : bodyPart.strip().toUpperCase(Locale.ROOT);
        MaskSpec preset = byBodyPart.get(part);
        if (preset != null) {
            return preset;
        }
        return fallback.orElseThrow(() -> new IllegalArgumentException("No mask for an image of body part '" + part
                + "': the experiment's presets name only " + byBodyPart.keySet() + " and it has no mask for the others"));
    }

    /** Whether some image's mask is drawn by a researcher ({@code expert}), so a job may wait for it. */
    public boolean needsExpertMask() {
        return fallback.map(MaskSpec::needsExpertMask).orElse(false)
                || byBodyPart.values().stream().anyMatch(MaskSpec::needsExpertMask);
    }

    /** The mask of every image, when no preset chooses one per body part. */
    public Optional<MaskSpec> single() {
        return byBodyPart.isEmpty() ? fallback : Optional.empty();
    }
}
