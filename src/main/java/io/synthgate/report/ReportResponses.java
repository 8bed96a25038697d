package io.synthgate.report;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Turns a report into the things served for it: the HTML page, the figure's pages as PNG and SVG, the CSV. */
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
        return Response.ok(ReportPages.report(report, reports.summary(report), base + "/figure",
                FigureRenderer.pages(report), base + "/candidates.csv").render()).type("text/html; charset=utf-8")
                .build();
    }

    /** A page of the figure as PNG, 300 dpi. */
    public Response figure(Report report, int page) throws IOException {
        return Response.ok(figures.png(report, page)).type("image/png").build();
    }

    /** A page of the figure as SVG, to download: the PNG's layout with its text as text. */
    public Response figureSvg(Report report, int page, String filename) throws IOException {
        return Response.ok(figures.svg(report, page).getBytes(StandardCharsets.UTF_8)).type("image/svg+xml")
                .header("Content-Disposition", "attachment; filename=\"" + filename + "\"").build();
    }

    public Response csv(Report report, String filename) {
        return Response.ok(reports.csv(report).getBytes(StandardCharsets.UTF_8)).type("text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"" + filename + "\"").build();
    }
}
