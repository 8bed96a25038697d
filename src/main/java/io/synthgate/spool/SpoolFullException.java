package io.synthgate.spool;

import java.io.IOException;
import java.nio.file.Path;

/** The spool's file system is down to {@code synthgate.spool.min-free-space}: nothing more is written until space returns. */
public class SpoolFullException extends IOException {

    public SpoolFullException(Path root, long freeBytes, long minFreeBytes) {
        super("spool " + root + " has " + freeBytes / (1024 * 1024) + " MiB free, at or below synthgate.spool.min-free-space ("
                + minFreeBytes / (1024 * 1024) + " MiB)");
    }
}
