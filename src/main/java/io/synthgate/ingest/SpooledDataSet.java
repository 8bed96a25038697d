package io.synthgate.ingest;

import io.synthgate.spool.Spool;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jboss.logging.Logger;

/**
 * A received data set on its way into a temporary spool file. The spool's room is checked again for
 * every mebibyte written, so a large object cannot run through the reserve the check at its first byte
 * saw; and a write that fails (the disk full after all) does not break the association. Either way the
 * file is dropped, the rest of the object is read and discarded, and the request is answered with
 * "Out of Resources" (0xA700).
 */
final class SpooledDataSet extends OutputStream {

    private static final Logger LOG = Logger.getLogger(SpooledDataSet.class);
    static final long CHECK_EVERY = 1024 * 1024;

    private final Spool spool;
    private final Path file;
    private OutputStream out;
    private long written;
    private long nextCheck = CHECK_EVERY;
    private boolean outOfRoom;

    /** Opens {@code file}, a spool temporary file, for the data set. */
    SpooledDataSet(Spool spool, Path file) throws IOException {
        this.spool = spool;
        this.file = file;
        this.out = new BufferedOutputStream(Files.newOutputStream(file), 64 * 1024);
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
        if (outOfRoom) {
            return;
        }
        try {
            out.write(bytes, offset, length);
        } catch (IOException e) {
            drop("writing failed: " + e.getMessage());
            return;
        }
        written += length;
        if (written >= nextCheck) {
            nextCheck = written + CHECK_EVERY;
            if (!spool.hasRoomToReceive()) {
                drop("the spool's free space fell below synthgate.spool.min-free-space plus pipeline-reserve after "
                        + written / CHECK_EVERY + " MiB");
            }
        }
    }

    @Override
    public void close() {
        if (outOfRoom) {
            return;
        }
        try {
            out.close();
        } catch (IOException e) {
            drop("writing failed: " + e.getMessage());
        }
    }

    /** Whether the object was dropped for want of room: it is answered 0xA700 and kept nowhere. */
    boolean outOfRoom() {
        return outOfRoom;
    }

    private void drop(String reason) {
        outOfRoom = true;
        LOG.warnf("Dropping a data set being received into %s: %s", file.getFileName(), reason);
        try {
            out.close();
        } catch (IOException ignored) {
            // The file is deleted next; a failed close changes nothing.
        }
        out = OutputStream.nullOutputStream();
        spool.discard(file);
    }
}
