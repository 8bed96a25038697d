package io.synthgate.report;

import io.synthgate.access.Roles;
import io.synthgate.http.Problem;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code /api/experiments/txt2img/runs/{id}/report}, {@code figure.png} and {@code candidates.csv}:
 * the report of one text-to-image run.
 */
@RolesAllowed({Roles.ADMIN, Roles.REVIEWER, Roles.RESEARCHER})
@Path("/api/experiments/txt2img/runs/{id}")
public class TextRunReportResource {

    private final ReportService reports;
    private final ReportResponses responses;

    public TextRunReportResource(ReportService reports, ReportResponses responses) {
        this.reports = reports;
        this.responses = responses;
    }

    /** The run's report page: summary by body part, figure grid, every prompt with its candidates. */
    @GET
    @Path("/report")
    @Produces("text/html")
    public Response report(@PathParam("id") UUID id) throws Exception {
        Optional<Report> report = reports.forRun(id);
        return report.map(r -> responses.page(r, "/api/experiments/txt2img/runs/" + id, "/api/candidates")).orElseGet(() -> unknown(id));
    }

    /** The run's figure: one row per body part with its candidates, as in the seed paper. */
    @GET
    @Path("/figure.png")
    @Produces("image/png")
    public Response figure(@PathParam("id") UUID id, @QueryParam("page") @DefaultValue("1") int page) throws Exception {
        Optional<Report> report = reports.forRun(id);
        return report.isPresent() ? responses.figure(report.get(), page) : unknown(id);
    }

    /** The same page as SVG, for a journal. */
    @GET
    @Path("/figure.svg")
    @Produces("image/svg+xml")
    public Response figureSvg(@PathParam("id") UUID id, @QueryParam("page") @DefaultValue("1") int page)
            throws Exception {
        Optional<Report> report = reports.forRun(id);
        return report.isPresent() ? responses.figureSvg(report.get(), page, "txt2img-run-" + id + "-figure-" + page + ".svg")
                : unknown(id);
    }

    /** One line per candidate (and per prompt without any): outcome, reason, seed, generator, model. */
    @GET
    @Path("/candidates.csv")
    @Produces("text/csv")
    public Response csv(@PathParam("id") UUID id) throws Exception {
        Optional<Report> report = reports.forRun(id);
        return report.map(r -> responses.csv(r, "txt2img-run-" + id + ".csv")).orElseGet(() -> unknown(id));
    }

    private static Response unknown(UUID id) {
        return Problem.response(Response.Status.NOT_FOUND, "No text-to-image run " + id);
    }
}
