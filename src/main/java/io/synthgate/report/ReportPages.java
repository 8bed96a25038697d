package io.synthgate.report;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import java.util.List;

/** The report page, a Qute template checked at build time ({@code templates/ReportPages/report.html}). */
@CheckedTemplate(basePath = "ReportPages")
public final class ReportPages {

    private ReportPages() {
    }

    /**
     * The page: summary table, figure, and one line per row with its candidates.
     *
     * @param report the report
     * @param summary its summary by body part and operation
     * @param figureUrl where the figure's pages are served, without the {@code .png} or {@code .svg}
     * @param figurePages how many pages the figure has
     * @param csvUrl where the CSV is served
     * @param candidatesUrl under which each candidate is served at full resolution, {@code /{sop}.png}
     */
    public static native TemplateInstance report(Report report, List<ReportService.SummaryLine> summary, String figureUrl,
            int figurePages, String csvUrl, String candidatesUrl);
}
