package io.synthgate.replica;

import java.time.Duration;

/**
 * This process among the replicas: the name it claims jobs under, and how long a claim lasts unless
 * renewed.
 *
 * @param name unique among the replicas sharing the database and spool
 * @param lease how long a claim lasts without a heartbeat
 */
public record Replica(String name, Duration lease) {

    /** Longest name the job table's owner column holds. */
    public static final int NAME_LIMIT = 128;

    public Replica {
        if (name == null || name.isBlank() || name.length() > NAME_LIMIT) {
            throw new IllegalArgumentException("A replica name has 1 to " + NAME_LIMIT + " characters, not '" + name + "'");
        }
        if (lease.isNegative() || lease.isZero()) {
            throw new IllegalArgumentException("A replica's lease is positive, not " + lease);
        }
    }

    /** The name as a file name: what the replica's own spool folders are called. */
    public String folderName() {
        return name.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
