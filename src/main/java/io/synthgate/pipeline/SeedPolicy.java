package io.synthgate.pipeline;

import java.nio.charset.StandardCharsets;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * Which seed a generator is asked for: one number for every request, {@code random} (the provider
 * picks; SynthGate records the seed it reports), or, by default, a seed derived from what is
 * generated, so a retried job asks for the same seed.
 *
 * @param fixed the seed every request asks for, when the policy is a number
 * @param random whether the provider picks
 */
public record SeedPolicy(OptionalLong fixed, boolean random) {

    /** Seeds derived from what is generated: the default. */
    public static final SeedPolicy DERIVED = new SeedPolicy(OptionalLong.empty(), false);
    /** The provider picks. */
    public static final SeedPolicy RANDOM = new SeedPolicy(OptionalLong.empty(), true);

    public SeedPolicy {
        if (random && fixed.isPresent()) {
            throw new IllegalArgumentException("A seed policy is a number or random, not both");
        }
    }

    /**
     * The policy in its text form: a number, {@code random}, or empty (null or blank) for derived seeds.
     *
     * @throws IllegalArgumentException when the text is none of these
     */
    public static SeedPolicy parse(String text) {
        if (text == null || text.isBlank()) {
            return DERIVED;
        }
        if (text.strip().equalsIgnoreCase("random")) {
            return RANDOM;
        }
        try {
            return new SeedPolicy(OptionalLong.of(Long.parseLong(text.strip())), false);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("A seed policy is a number, 'random' or empty, not '" + text + "'");
        }
    }

    /** The seed to ask for under this policy for the request identified by {@code derivationKey}. */
    public OptionalLong seedFor(String derivationKey) {
        if (random) {
            return OptionalLong.empty();
        }
        if (fixed.isPresent()) {
            return fixed;
        }
        UUID derived = UUID.nameUUIDFromBytes(derivationKey.getBytes(StandardCharsets.UTF_8));
        return OptionalLong.of(derived.getLeastSignificantBits() & 0xFFFF_FFFFL);
    }

    /** The text form {@link #parse} reads: empty for derived seeds. */
    public String text() {
        return random ? "random" : fixed.isPresent() ? Long.toString(fixed.getAsLong()) : "";
    }
}
