package io.synthgate.generator;

import io.synthgate.pixels.ImageDescription;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A prompt with placeholders filled from the de-identified image's description: {@code {bodyPart}}
 * (Body Part Examined in lower case, e.g. "chest"), {@code {modality}} and {@code {laterality}}
 * ("left", "right" or empty). Only these attributes can reach a prompt, and none identifies anyone.
 * A placeholder may name what to say when the image does not tell, {@code {bodyPart|knee}}; without
 * one, an image without Body Part Examined cannot be prompted for its body part, and
 * {@link #expand} says so rather than sending "an X-ray of body part".
 */
public final class PromptTemplate {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)(?:\\|([^{}]*))?}");
    private static final Set<String> KNOWN = Set.of("bodyPart", "modality", "laterality");

    private PromptTemplate() {
    }

    /**
     * Checks that {@code template} uses only known placeholders, as an experiment's is when SynthGate starts.
     *
     * @throws IllegalArgumentException naming the unknown placeholder
     */
    public static void check(String template) {
        Matcher matcher = PLACEHOLDER.matcher(template == null ? "" : template);
        while (matcher.find()) {
            if (!KNOWN.contains(matcher.group(1))) {
                throw unknown(template, matcher.group(1));
            }
        }
    }

    /**
     * {@code template} with its placeholders filled; an unknown placeholder is a configuration error.
     *
     * @throws MissingValueException when the image lacks a value the template needs and gives no default for
     */
    public static String expand(String template, ImageDescription description) throws MissingValueException {
        if (template == null || template.isBlank()) {
            return "";
        }
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1);
            Optional<String> fallback = Optional.ofNullable(matcher.group(2)).map(String::strip);
            String value = value(template, name, description)
                    .or(() -> fallback)
                    .orElseThrow(() -> new MissingValueException("the prompt template '" + template + "' needs {" + name
                            + "}, which the image does not give (no Body Part Examined), and names no default"
                            + " for it, as in {" + name + "|knee}"));
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(out);
        return out.toString().replaceAll("\\s+", " ").strip();
    }

    /** The image's value for placeholder {@code name}; empty for a body part it does not give. */
    private static Optional<String> value(String template, String name, ImageDescription description) {
        return switch (name) {
            case "bodyPart" -> Optional.ofNullable(description.bodyPartExamined()).filter(part -> !part.isBlank())
                    .map(part -> part.strip().replace('_', ' ').toLowerCase(Locale.ROOT));
            case "modality" -> Optional.of(description.modality() == null ? "" : description.modality());
            case "laterality" -> Optional.of("L".equals(description.laterality()) ? "left"
                    : "R".equals(description.laterality()) ? "right" : "");
            default -> throw unknown(template, name);
        };
    }

    private static IllegalArgumentException unknown(String template, String name) {
        return new IllegalArgumentException("Prompt template '" + template + "' uses {" + name
                + "}; known placeholders are {bodyPart}, {modality} and {laterality}");
    }

    /** The image lacks a value that the prompt needs: the generator cannot be asked. */
    public static final class MissingValueException extends Exception {

        MissingValueException(String message) {
            super(message);
        }
    }
}
