package io.synthgate.spool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.synthgate.testing.TestSpools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OwnerOnlyFilesTest {

    @TempDir
    Path folder;

    @Test
    void theSpoolIsOwnerOnlyAndStartsWithoutWhatACrashLeftInItsTemporaryFolder() throws Exception {
        Path root = folder.resolve("spool");
        Files.createDirectories(root.resolve("tmp"));
        Files.write(root.resolve("tmp").resolve("part-1.tmp"), new byte[4096]);
        Files.write(root.resolve("tmp").resolve("part-2.tmp"), new byte[10]);

        TestSpools.at(root, 0);

        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(root)));
        try (var left = Files.list(root.resolve("tmp"))) {
            assertFalse(left.findAny().isPresent(), "orphaned temporary files are removed");
        }
    }

    @Test
    void theEmbeddedDatabaseFolderAndItsFilesBecomeOwnerOnly() throws Exception {
        Path db = Files.createDirectories(folder.resolve("data/db"));
        Path file = Files.writeString(db.resolve("synthgate.mv.db"), "names and IDs");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        new EmbeddedDatabaseFiles("jdbc:h2:file:" + db.resolve("synthgate") + ";DB_CLOSE_ON_EXIT=FALSE", () -> "unused")
                .restrict(null);

        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(db)));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }

    @Test
    void onlyAnH2FileUrlNamesAFolder() {
        assertEquals(Path.of("data/db").toAbsolutePath(), EmbeddedDatabaseFiles.folder("jdbc:h2:file:./data/db/synthgate;X=1"));
        assertNull(EmbeddedDatabaseFiles.folder("jdbc:h2:mem:test"));
        assertNull(EmbeddedDatabaseFiles.folder("jdbc:postgresql://db:5432/synthgate"));
    }
}
