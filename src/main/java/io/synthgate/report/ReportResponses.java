package io.synthgate.report;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Turns a report into the three things served for it: the HTML page, the figure, the CSV. */
@ApplicationScoped
public class ReportResponses {

    private final ReportService reports;
    private final FigureRenderer figures;

    public ReportResponses(ReportService reports, FigureRenderer figures) {
        this.reports = reports;
        this.figures = figures;
    }

    /** The page; {@code base} is the report's URL path without {@code /report}. */
    public Response page(Report report, String base) {
        return Response.ok(ReportPages.report(report, reports.summary(report), base + "/figure.png",
                base + "/candidates.csv").render()).type("text/html; charset=utf-8").build();
    }

    public Response figure(Report report) throws IOException {
        return Response.ok(figures.png(report)).type("image/png").build();
    }

    public Response csv(Report report, String filename) {
        return Response.ok(reports.csv(report).getBytes(StandardCharsets.UTF_8)).type("text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"" + filename + "\"").build();
    }
}
