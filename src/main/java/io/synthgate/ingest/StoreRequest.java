package io.synthgate.ingest;

import java.nio.file.Path;

/**
 * A received C-STORE: what the command announced, and the temporary spool file holding the data set
 * behind a Part 10 header; {@code null} when the request carried no data set, or when the spool had
 * no room ({@code spoolFull}) and the data was read and discarded.
 */
public record StoreRequest(
        String affectedSopClassUid,
        String affectedSopInstanceUid,
        String transferSyntaxUid,
        String callingAeTitle,
        Path temporaryFile,
        boolean spoolFull) {
}
