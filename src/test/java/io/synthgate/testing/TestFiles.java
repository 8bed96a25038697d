package io.synthgate.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/** Real DICOM files from other projects: the shared test data and Debian's python3-pydicom. */
public final class TestFiles {

    /** {@code ../shared/testdata} beside the checkout; override with -Dsynthgate.testdata. */
    public static final Path SHARED = Path.of(System.getProperty("synthgate.testdata", "../shared/testdata"));
    /** pydicom's test files, from Debian's python3-pydicom. */
    public static final Path PYDICOM = Path.of("/usr/lib/python3/dist-packages/pydicom/data/test_files");

    private TestFiles() {
    }

    public static Path shared(String name) {
        return existing(SHARED.resolve(name));
    }

    public static Path pydicom(String name) {
        return existing(PYDICOM.resolve(name));
    }

    private static Path existing(Path path) {
        if (!Files.isRegularFile(path)) {
            throw new IllegalStateException("Test file " + path.toAbsolutePath()
                    + " is missing: .ci/run installs python3-pydicom and the shared test data lies beside the checkout");
        }
        return path;
    }
}
