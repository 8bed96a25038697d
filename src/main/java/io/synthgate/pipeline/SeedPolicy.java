package io.synthgate.pipeline;

import java.nio.charset.StandardCharsets;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * The route's seed policy ({@code SynthGateSeed}): a number (that seed for every request),
 * {@code random} (the provider picks; SynthGate records the seed it reports), or absent (a seed
 * derived from what is generated, so a retried job asks for the same seed).
 */
public final class SeedPolicy {

    private SeedPolicy() {
    }

    /** The seed to ask for under {@code policy} for the request identified by {@code derivationKey}. */
    public static OptionalLong seedFor(String policy, String derivationKey) {
        if (policy == null || policy.isBlank()) {
            UUID derived = UUID.nameUUIDFromBytes(derivationKey.getBytes(StandardCharsets.UTF_8));
            return OptionalLong.of(derived.getLeastSignificantBits() & 0xFFFF_FFFFL);
        }
        if (policy.strip().equalsIgnoreCase("random")) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(policy.strip()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("The seed policy must be a number, 'random' or empty, not '" + policy + "'");
        }
    }
}
