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

/**
 * {@code /api/experiments/{experiment}/report}, {@code figure.png} and {@code candidates.csv}: the
 * report of a study experiment such as {@code inpaint} over its newest jobs. Text-to-image runs have
 * theirs under {@code /api/experiments/txt2img/runs/{id}/}.
 */
@RolesAllowed({Roles.ADMIN, Roles.REVIEWER, Roles.RESEARCHER})
@Path("/api/experiments/{experiment}")
public class ReportResource {

    private static final int MAX_JOBS = 200;

    private final ReportService reports;
    private final ReportResponses responses;

    public ReportResource(ReportService reports, ReportResponses responses) {
        this.reports = reports;
        this.responses = responses;
    }

    @GET
    @Path("/report")
    @Produces("text/html")
    public Response page(@PathParam("experiment") String experiment, @QueryParam("jobs") @DefaultValue("50") int jobs)
            throws Exception {
        Optional<Report> report = reports.forExperiment(experiment, bounded(jobs));
        return report.map(r -> responses.page(r, "/api/experiments/" + experiment, "/api/candidates")).orElseGet(() -> unknown(experiment));
    }

    @GET
    @Path("/figure.png")
    @Produces("image/png")
    public Response figure(@PathParam("experiment") String experiment, @QueryParam("jobs") @DefaultValue("50") int jobs,
            @QueryParam("page") @DefaultValue("1") int page) throws Exception {
        Optional<Report> report = reports.forExperiment(experiment, bounded(jobs));
        return report.isPresent() ? responses.figure(report.get(), page) : unknown(experiment);
    }

    @GET
    @Path("/figure.svg")
    @Produces("image/svg+xml")
    public Response figureSvg(@PathParam("experiment") String experiment,
            @QueryParam("jobs") @DefaultValue("50") int jobs, @QueryParam("page") @DefaultValue("1") int page)
            throws Exception {
        Optional<Report> report = reports.forExperiment(experiment, bounded(jobs));
        return report.isPresent() ? responses.figureSvg(report.get(), page, experiment + "-figure-" + page + ".svg")
                : unknown(experiment);
    }

    @GET
    @Path("/candidates.csv")
    @Produces("text/csv")
    public Response csv(@PathParam("experiment") String experiment, @QueryParam("jobs") @DefaultValue("50") int jobs)
            throws Exception {
        Optional<Report> report = reports.forExperiment(experiment, bounded(jobs));
        return report.map(r -> responses.csv(r, experiment + "-candidates.csv")).orElseGet(() -> unknown(experiment));
    }

    private static int bounded(int jobs) {
        return Math.max(1, Math.min(jobs, MAX_JOBS));
    }

    private static Response unknown(String experiment) {
        return Problem.response(Response.Status.NOT_FOUND, "No job was taken by experiment '" + experiment + "'");
    }
}
