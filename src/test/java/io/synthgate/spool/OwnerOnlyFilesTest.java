package io.synthgate.spool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    void theSpoolIsOwnerOnlyAndStartsWithoutWhatACrashLeftInThisReplicasTemporaryFolder() throws Exception {
        Path root = folder.resolve("spool");
        Path own = Files.createDirectories(root.resolve("tmp").resolve(TestSpools.REPLICA.folderName()));
        Files.write(own.resolve("part-1.tmp"), new byte[4096]);
        Files.write(own.resolve("part-2.tmp"), new byte[10]);
        Path another = Files.createDirectories(root.resolve("tmp").resolve("gateway-2_8080"));
        Files.write(another.resolve("part-3.tmp"), new byte[10]);

        TestSpools.at(root, 0);

        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(root)));
        try (var left = Files.list(own)) {
            assertFalse(left.findAny().isPresent(), "orphaned temporary files are removed");
        }
        assertTrue(Files.exists(another.resolve("part-3.tmp")),
                "another replica's file, still being received perhaps, is left to it");
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
