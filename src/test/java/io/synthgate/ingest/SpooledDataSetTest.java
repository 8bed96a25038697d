package io.synthgate.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synthgate.spool.Spool;
import io.synthgate.testing.TestSpools;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A data set being received re-checks the spool's room as it grows, on the real file system. */
class SpooledDataSetTest {

    private static final int CHUNK = 64 * 1024;

    @TempDir
    Path folder;

    @Test
    void anObjectThatWouldRunThroughTheReserveIsDroppedPartWayAndKeptNowhere() throws Exception {
        // Room for about 4 MiB more now: the check at the first byte passes, a later one does not.
        long floor = Files.getFileStore(folder).getUsableSpace() - 4 * SpooledDataSet.CHECK_EVERY;
        Spool spool = TestSpools.at(folder.resolve("spool"), floor);
        Path file = spool.newTemporaryFile();
        SpooledDataSet data = new SpooledDataSet(spool, file);
        assertTrue(spool.hasRoomToReceive());
        for (int i = 0; i < 64 * SpooledDataSet.CHECK_EVERY / CHUNK; i++) {
            data.write(new byte[CHUNK], 0, CHUNK);
        }
        data.close();
        assertTrue(data.outOfRoom(), "64 MiB do not fit in a 4 MiB margin");
        assertFalse(Files.exists(file), "the partial file is gone");
    }

    @Test
    void anObjectThatFitsIsWrittenWhole() throws Exception {
        Spool spool = TestSpools.at(folder.resolve("spool"), 0);
        Path file = spool.newTemporaryFile();
        SpooledDataSet data = new SpooledDataSet(spool, file);
        for (int i = 0; i < 40; i++) {
            data.write(new byte[CHUNK], 0, CHUNK);
        }
        data.close();
        assertFalse(data.outOfRoom());
        assertEquals(40L * CHUNK, Files.size(file));
    }
}
