package io.synthgate.report;

/** A field of the CSV files SynthGate writes (RFC 4180). */
public final class CsvField {

    private CsvField() {
    }

    /** {@code text} as a CSV field: quoted when it holds a comma, quote or line break; empty for null. */
    public static String of(String text) {
        if (text == null) {
            return "";
        }
        return text.contains(",") || text.contains("\"") || text.contains("\n")
                ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }
}
