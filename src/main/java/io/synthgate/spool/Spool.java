package io.synthgate.spool;

import io.synthgate.replica.Replica;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * The file side of "acknowledged means kept": callers write to a temporary file from
 * {@link #newTemporaryFile()}, then {@link #commit(Path, Path)} makes it durable under its final name.
 * The spool holds clinical originals, so its root is owner-only (700).
 */
@ApplicationScoped
public class Spool {

    private static final Logger LOG = Logger.getLogger(Spool.class);

    private final Path root;
    private final Path temporary;
    private final boolean fsync;
    private final long minFreeBytes;
    private final long ingestFloorBytes;
    private static final long ROOM_CHECK_INTERVAL_NANOS = 250_000_000L;
    private volatile long freeCheckedAt = System.nanoTime() - 2 * ROOM_CHECK_INTERVAL_NANOS;
    private volatile long recentFree;

    public Spool(SpoolConfig config, Replica replica) {
        this.root = config.dir().toAbsolutePath().normalize();
        // One temporary folder per replica: replicas share the spool, and each removes only its own leftovers.
        this.temporary = root.resolve("tmp").resolve(replica.folderName());
        this.fsync = config.fsync();
        this.minFreeBytes = config.minFreeSpace().asLongValue();
        this.ingestFloorBytes = minFreeBytes + config.pipelineReserve().asLongValue();
        try {
            Files.createDirectories(temporary);
            OwnerOnlyFiles.restrict(root);
            removeOrphans(temporary);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the spool folder " + root, e);
        }
    }

    /**
     * Removes what a crash left in this replica's temporary folder: the spool is created before
     * anything is written, so every file there belongs to an object a previous run of this replica never
     * committed (and never acknowledged), or to a copy it would write again.
     */
    private static void removeOrphans(Path tmp) throws IOException {
        long files = 0;
        long bytes = 0;
        try (Stream<Path> leftovers = Files.list(tmp)) {
            for (Path leftover : (Iterable<Path>) leftovers::iterator) {
                bytes += Files.size(leftover);
                Files.delete(leftover);
                files++;
            }
        }
        if (files > 0) {
            LOG.infof("Removed %d temporary files (%d KiB) that an earlier run left in %s", files, bytes / 1024, tmp);
        }
    }

    /** Folder for objects received over C-STORE. */
    public Path inbound() {
        return root.resolve("inbound");
    }

    /** Folder for de-identified copies of received objects, the only input of generators and wrapping. */
    public Path deidentified() {
        return root.resolve("deidentified");
    }

    /**
     * Folder for the copies a reader study's images are read from: de-identified originals and
     * synthetic objects, kept until the study is deleted, whatever retention does to the jobs' files.
     */
    public Path readerStudies() {
        return root.resolve("reader-studies");
    }

    /** Folder for synthetic objects waiting to be exported. */
    public Path outbound() {
        return root.resolve("outbound");
    }

    /**
     * Whether a new object may be received: the spool's file system has more free space than
     * {@code min-free-space} plus {@code pipeline-reserve}, as seen within the last quarter of a second.
     * A reception re-checks with {@link #hasRoomToReceive()} as its object grows.
     */
    public boolean hasRoom() {
        return recentFreeBytes() > ingestFloorBytes;
    }

    /** Whether received objects still fit now, above the floor that keeps room for the pipeline. */
    public boolean hasRoomToReceive() {
        return freeBytes() > ingestFloorBytes;
    }

    /**
     * Whether the pipeline may write its copies: free space above {@code min-free-space}, as seen within
     * the last quarter of a second.
     */
    public boolean hasRoomForCopies() {
        return recentFreeBytes() > minFreeBytes;
    }

    /**
     * Free bytes, asked of the file system at most every quarter of a second: every received object and
     * every temporary file asks, and asking costs as much as writing a small object.
     */
    private long recentFreeBytes() {
        long now = System.nanoTime();
        if (now - freeCheckedAt > ROOM_CHECK_INTERVAL_NANOS) {
            recentFree = freeBytes();
            freeCheckedAt = now;
        }
        return recentFree;
    }

    /** Free bytes on the spool's file system now (0 when it cannot be asked). */
    public long freeBytes() {
        try {
            return Files.getFileStore(root).getUsableSpace();
        } catch (IOException e) {
            return 0;
        }
    }

    /**
     * This replica's temporary folder, for a toolkit that names the files it writes itself (PixelMed's
     * C-GET): whatever is there when the replica starts is removed.
     */
    public Path temporaryFolder() {
        return temporary;
    }

    /**
     * A new, empty file in the spool's own temporary folder (same file system, so renames are atomic).
     *
     * @throws SpoolFullException when free space is below {@code synthgate.spool.min-free-space}: nothing
     *         more is written until space returns
     */
    public Path newTemporaryFile() throws IOException {
        if (!hasRoomForCopies()) {
            throw new SpoolFullException(root, freeBytes(), minFreeBytes);
        }
        return Files.createTempFile(temporary, "part-", ".tmp");
    }

    /**
     * Moves a completely written temporary file to {@code target}, replacing what was there, and when
     * fsync is on, forces the file's bytes and the new directory entry to disk before returning.
     */
    public Path commit(Path temporary, Path target) throws IOException {
        Path folder = target.getParent();
        boolean newFolder = !Files.isDirectory(folder);
        if (newFolder) {
            // Only when missing: createDirectories throws and catches an exception for a folder that exists.
            Files.createDirectories(folder);
        }
        if (fsync) {
            force(temporary, false);
            if (newFolder) {
                // The new folder's own entry must be durable too, or a crash could lose the folder.
                force(folder.getParent(), true);
            }
        }
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("The spool " + root + " is on a file system without atomic rename", e);
        }
        if (fsync) {
            force(folder, true);
        }
        return target;
    }

    /** Removes a temporary file that will not be committed; never fails the caller. */
    public void discard(Path temporary) {
        try {
            Files.deleteIfExists(temporary);
        } catch (IOException ignored) {
            // A leftover temporary file is harmless: it never carries a final name.
        }
    }

    private static void force(Path path, boolean directory) throws IOException {
        try (FileChannel channel = directory
                ? FileChannel.open(path, StandardOpenOption.READ)
                : FileChannel.open(path, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
    }
}
