package io.synthgate.generator;

import io.synthgate.pixels.ImageDescription;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A prompt with placeholders filled from the de-identified image's description: {@code {bodyPart}}
 * (Body Part Examined in lower case, e.g. "chest"), {@code {modality}} and {@code {laterality}}
 * ("left", "right" or empty). Only these attributes can reach a prompt, and none identifies anyone.
 */
public final class PromptTemplate {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)}");

    private PromptTemplate() {
    }

    /**
     * Checks that {@code template} uses only known placeholders, as an experiment's is when SynthGate starts.
     *
     * @throws IllegalArgumentException naming the unknown placeholder
     */
    public static void check(String template) {
        expand(template, new ImageDescription(null, null, null, null, null, null, null, null, null, null));
    }

    /** {@code template} with its placeholders filled; an unknown placeholder is a configuration error. */
    public static String expand(String template, ImageDescription description) {
        if (template == null || template.isBlank()) {
            return "";
        }
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String value = switch (matcher.group(1)) {
                case "bodyPart" -> words(description.bodyPartExamined(), "body part");
                case "modality" -> description.modality() == null ? "" : description.modality();
                case "laterality" -> "L".equals(description.laterality()) ? "left"
                        : "R".equals(description.laterality()) ? "right" : "";
                default -> throw new IllegalArgumentException("Prompt template '" + template + "' uses {"
                        + matcher.group(1) + "}; known placeholders are {bodyPart}, {modality} and {laterality}");
            };
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(out);
        return out.toString().replaceAll("\\s+", " ").strip();
    }

    private static String words(String codeString, String fallback) {
        return codeString == null || codeString.isBlank() ? fallback
                : codeString.strip().replace('_', ' ').toLowerCase(Locale.ROOT);
    }
}
