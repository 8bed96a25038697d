package io.synthgate.generator;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Decides whether a request may leave the site: its pixels must come from a de-identified object,
 * and its prompts must pass a screen for the shapes PHI takes in free text. The screen is
 * deliberately blunt: prompts in these experiments are short descriptions ("An X-ray of a knee"),
 * so anything that looks like a name, a date, an identifier or an address is refused rather than
 * guessed about.
 */
public final class EgressGuard {

    private record Rule(String what, Pattern pattern) {
    }

    private static final List<Rule> PROMPT_RULES = List.of(
            new Rule("a DICOM person name (family^given)", Pattern.compile("\\p{L}+\\^\\p{L}*")),
            new Rule("a date", Pattern.compile(
                    "\\b(19|20)\\d{2}[-/.]?(0[1-9]|1[0-2])[-/.]?(0[1-9]|[12]\\d|3[01])\\b"
                            + "|\\b\\d{1,2}[-/.]\\d{1,2}[-/.]\\d{2,4}\\b")),
            new Rule("a DICOM UID", Pattern.compile("\\b\\d+(\\.\\d+){3,}\\b")),
            new Rule("an identifier of five or more digits", Pattern.compile("\\d[\\d -]{3,}\\d")),
            new Rule("an e-mail address", Pattern.compile("[\\w.+-]+@[\\w-]+\\.[\\w.]+")),
            new Rule("a web address", Pattern.compile("(?i)\\bhttps?://")));

    private EgressGuard() {
    }

    /** Why {@code request} may not be sent off site, or empty when it may. */
    public static Optional<String> check(GenerationRequest request) {
        if (request.hasImage() && (request.deidentificationMethod() == null || request.deidentificationMethod().isBlank())) {
            return Optional.of("its pixels do not come from a de-identified object");
        }
        return screen("prompt", request.prompt()).or(() -> screen("negative prompt", request.negativePrompt()));
    }

    private static Optional<String> screen(String field, String text) {
        for (Rule rule : PROMPT_RULES) {
            if (rule.pattern().matcher(text).find()) {
                return Optional.of("its " + field + " contains what looks like " + rule.what()
                        + "; prompts must not carry patient data");
            }
        }
        return Optional.empty();
    }
}
