package io.synthgate.testing;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * dciodvfy (Debian dicom3tools) as a validator: the error lines it reports, but the one this release
 * cannot help. It predates DICOM 2024b and calls Synthetic Data (0008,001C) unrecognised.
 */
public final class Dciodvfy {

    private static final String EXPECTED_ERROR =
            "</(0008,001c)> - Attribute with an even group number is not a recognized standard attribute";

    private Dciodvfy() {
    }

    /** Every error line dciodvfy reports for {@code file}, except the expected one. */
    public static List<String> unexpectedErrors(Path file) throws Exception {
        ProcessRun run = ProcessRun.run(List.of("dciodvfy", "-new", file.toString()));
        return Arrays.stream(run.output().split("\n"))
                .filter(line -> line.startsWith("Error") && !line.contains(EXPECTED_ERROR)).toList();
    }
}
