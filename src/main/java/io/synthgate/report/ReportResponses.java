package io.synthgate.report;

import io.synthgate.dicom.SopInstanceUid;
import io.synthgate.image.PngImage;
import io.synthgate.job.JobOutput;
import io.synthgate.job.JobOutputService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Turns a report into the things served for it: the HTML page, the figure's pages as PNG and
 * SVG, each candidate at full resolution, the CSV.
 */
@ApplicationScoped
public class ReportResponses {

    private final ReportService reports;
    private final FigureRenderer figures;
    private final JobOutputService outputs;

    public ReportResponses(ReportService reports, FigureRenderer figures, JobOutputService outputs) {
        this.reports = reports;
        this.figures = figures;
        this.outputs = outputs;
    }

    /**
     * The page; {@code base} is the report's URL path without {@code /report}, {@code candidates} the path
     * under which {@link #candidate} serves each candidate at full resolution.
     */
    public Response page(Report report, String base, String candidates) {
        return Response.ok(ReportPages.report(report, reports.summary(report), base + "/figure",
                FigureRenderer.pages(report), base + "/candidates.csv", candidates).render())
                .type("text/html; charset=utf-8").build();
    }

    /** A synthetic candidate at its full resolution, in its figure row's window; 404 once retention removed it. */
    public Response candidate(String sopInstanceUid) throws IOException {
        Path file = outputs.find(new SopInstanceUid(sopInstanceUid)).map(JobOutput::file).filter(Files::isRegularFile)
                .orElseThrow(() -> new NotFoundException("No candidate " + sopInstanceUid + " is kept"));
        return Response.ok(PngImage.encode(figures.atFullResolution(file))).type("image/png")
                .header("Cache-Control", "private, max-age=300").build();
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
