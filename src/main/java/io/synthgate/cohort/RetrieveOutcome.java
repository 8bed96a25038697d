package io.synthgate.cohort;

import java.util.List;

/**
 * How one study's C-MOVE or C-GET ended, as the PACS's final response said (for a C-GET, whose final
 * status PixelMed keeps to itself: 0x0000 when every instance the query announced was kept).
 *
 * @param status the final response's status (0x0000 success, 0xB000 some sub-operations failed, 0xA801
 *        move destination unknown, ...)
 * @param failedSopInstances the Failed SOP Instance UID List the PACS sent, if any
 * @param comment the final response's Error Comment, empty when it had none
 * @param problem why the retrieve did not reach a final response (no connection, association refused or
 *        broken), or {@code null} when it did
 */
public record RetrieveOutcome(int status, int completed, int failed, int warning, List<String> failedSopInstances,
        String comment, String problem) {

    public RetrieveOutcome {
        failedSopInstances = List.copyOf(failedSopInstances);
    }

    /** A retrieve that ended without the PACS's final answer. */
    public static RetrieveOutcome broken(String problem) {
        return new RetrieveOutcome(-1, 0, 0, 0, List.of(), "", problem);
    }

    /** Every sub-operation done and none failed: the study is all here. */
    public boolean complete() {
        return problem == null && status == 0x0000 && failed == 0 && completed > 0;
    }

    /** The status as DICOM writes it, {@code 0xA801}; "none" when there was no final response. */
    public String statusHex() {
        return status < 0 ? "none" : String.format("0x%04X", status);
    }

    /** Why the study is not all here, in words an admin can act on; {@code null} when it is. */
    public String failure() {
        if (problem != null) {
            return problem;
        }
        if (complete()) {
            return null;
        }
        if (status == 0x0000 && completed == 0 && failed == 0) {
            return "the PACS answered success but sent no instance";
        }
        String meaning = switch (status) {
            case 0xA701, 0xA702 -> "out of resources";
            case 0xA801 -> "move destination unknown: the PACS does not know SynthGate's AE title";
            case 0xA900 -> "identifier does not match SOP class";
            case 0xB000 -> "some sub-operations failed";
            case 0xFE00 -> "cancelled";
            case 0xC000 -> "unable to process";
            default -> (status & 0xF000) == 0xC000 ? "unable to process" : "refused";
        };
        return "status " + statusHex() + " (" + meaning + (comment.isEmpty() ? "" : "; the PACS says \"" + comment + "\"")
                + "): " + completed + " instances sent, " + failed + " failed"
                + (warning > 0 ? ", " + warning + " with warnings" : "");
    }
}
