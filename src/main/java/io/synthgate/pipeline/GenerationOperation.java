package io.synthgate.pipeline;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What a generator is asked to do; the name is the last value of the output's Image Type. */
public enum GenerationOperation {
    /** Regenerate the masked region of an image. */
    INPAINT,
    /** Paint the border of an image's grown canvas. */
    OUTPAINT,
    /** Remove the element in the masked region, the tissue continued where it was. */
    ERASE,
    /** Make images from a prompt alone. */
    TXT2IMG;

    /**
     * The operation in its text form, any case ({@code inpaint}, {@code outpaint}, {@code erase},
     * {@code txt2img}).
     *
     * @throws IllegalArgumentException naming the operations there are
     */
    public static GenerationOperation parse(String text) {
        String wanted = text == null ? "" : text.strip().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(operation -> operation.name().equals(wanted)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("An operation is one of " + Arrays.stream(values())
                        .map(operation -> operation.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "))
                        + ", not '" + text + "'"));
    }
}
