package io.synthgate.report;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What a report shows: rows of the figure and per-candidate figures.
 *
 * @param title what the report is about
 * @param description how it was made (generator, prompt template, counts)
 * @param rows one row per prompt (text-to-image) or per source image (inpainting)
 */
public record Report(String title, String description, List<Row> rows) {

    /**
     * One figure row.
     *
     * @param label the body part, or the source's position in the study
     * @param prompt the prompt sent
     * @param outcome the generator's outcome for the row (OK, REFUSED, ...)
     * @param detail the provider's reason when it gave no images
     * @param original the de-identified source shown first, for inpainting; empty for text-to-image
     * @param mask the mask its candidates were made with, in the mask language, and for a mask drawn by a
     *     researcher which version, by whom; empty for text-to-image
     * @param candidates every candidate of the row
     */
    public record Row(String label, String prompt, String outcome, String detail, Optional<Path> original, String mask,
            List<Candidate> candidates) {
    }

    /**
     * One candidate, as the figure and the CSV show it.
     *
     * @param index its position among the row's candidates
     * @param sopInstanceUid the synthetic object
     * @param file where it lies in the spool
     * @param bodyPart the body part it shows
     * @param operation INPAINT, OUTPAINT, ERASE or TXT2IMG
     * @param generator the generator's provider
     * @param model the model
     * @param seed its seed, when known
     * @param psnrDb PSNR in the mask, when it has a source
     * @param ssim SSIM in the mask, when it has a source
     * @param meanAbsoluteError MAE in the mask, when it has a source
     * @param state GENERATED, AWAITING_REVIEW, APPROVED, REJECTED or EXPORTED
     * @param verdict the readers' verdict, APPROVED or REJECTED, once all of them decided (the majority; a
     *     tie rejects); it outlives the state, which becomes EXPORTED under review policy {@code recorded}
     * @param grade the mean of the grades given, if any
     * @param readings each reader's verdict so far, by reader
     */
    public record Candidate(int index, String sopInstanceUid, Path file, String bodyPart, String operation,
            String generator, String model, Long seed, Double psnrDb, Double ssim, Double meanAbsoluteError,
            String state, String verdict, Double grade, Map<String, String> readings) {

        public Candidate {
            readings = Map.copyOf(readings);
        }

        /** The mean grade as a caption says it: "4" or "3.5". */
        public String gradeText() {
            return grade == null ? "" : grade == Math.rint(grade) ? Long.toString(Math.round(grade))
                    : String.format(Locale.ROOT, "%.1f", grade);
        }
    }
}
