package io.synthgate.export;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * What a destination answered to a batch of C-STOREs.
 *
 * @param acknowledged the files it answered with success (or a warning under which it stores them)
 * @param refused the failure status of each file it answered with one; files in neither were not
 *        answered, as the association ended first
 */
public record StoreAnswers(Set<Path> acknowledged, Map<Path, Integer> refused) {

    public StoreAnswers {
        acknowledged = Set.copyOf(acknowledged);
        refused = Map.copyOf(refused);
    }

    /**
     * Whether it refused for lack of resources (A7xx), as a PACS whose storage is full does, and for
     * no other reason: that passes once room is made, while other refusals do not.
     */
    public boolean outOfResources() {
        return !refused.isEmpty() && refused.values().stream().allMatch(StoreAnswers::isOutOfResources);
    }

    /** The statuses it refused with, named: {@code A700 (Refused: Out of Resources)}. */
    public String refusals() {
        return new TreeSet<>(refused.values()).stream()
                .map(status -> String.format("%04X", status) + " (" + meaning(status) + ")")
                .collect(Collectors.joining(" or "));
    }

    private static boolean isOutOfResources(int status) {
        return (status & 0xFF00) == 0xA700;
    }

    /** PS3.4 Annex B.2.3 and PS3.7 Annex C: the C-STORE failures a PACS answers. */
    private static String meaning(int status) {
        if (isOutOfResources(status)) {
            return "Refused: Out of Resources";
        }
        if ((status & 0xFF00) == 0xA900) {
            return "Error: Data Set does not match SOP Class";
        }
        if ((status & 0xF000) == 0xC000) {
            return "Error: Cannot understand";
        }
        return switch (status) {
            case 0x0110 -> "Processing failure";
            case 0x0117 -> "Invalid SOP Instance";
            case 0x0122 -> "Refused: SOP Class not supported";
            case 0x0124 -> "Refused: Not authorized";
            case 0x0210 -> "Duplicate invocation";
            case 0x0211 -> "Unrecognized operation";
            case 0x0212 -> "Mistyped argument";
            case StatusKeepingStorageScu.NO_STATUS -> "no status in the response";
            default -> "failure";
        };
    }
}
