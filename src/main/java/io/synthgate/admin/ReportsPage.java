package io.synthgate.admin;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.synthgate.access.Roles;
import io.synthgate.experiment.ExperimentCatalog;
import io.synthgate.pipeline.Experiment;
import io.synthgate.pipeline.GenerationOperation;
import io.synthgate.report.Report;
import io.synthgate.report.ReportResponses;
import io.synthgate.report.ReportService;
import io.synthgate.txt2img.TextRunView;
import io.synthgate.txt2img.TextRuns;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.List;
import java.util.UUID;

/**
 * {@code /admin/reports}: each experiment's report and every text-to-image run's, with their figures
 * and CSV, for everyone signed in.
 */
@Path("/admin/reports")
@RolesAllowed({Roles.ADMIN, Roles.REVIEWER, Roles.RESEARCHER})
public class ReportsPage {

    private static final int JOBS = 50;
    private static final String CANDIDATES = "/admin/reports/candidates";

    private final ReportService reports;
    private final ReportResponses responses;
    private final ExperimentCatalog experiments;
    private final TextRuns runs;

    public ReportsPage(ReportService reports, ReportResponses responses, ExperimentCatalog experiments, TextRuns runs) {
        this.reports = reports;
        this.responses = responses;
        this.experiments = experiments;
        this.runs = runs;
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance index(List<Experiment> experiments, List<TextRunView> runs);
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance index() {
        return Templates.index(experiments.enabled().stream()
                .filter(experiment -> experiment.operation() != GenerationOperation.TXT2IMG).toList(), runs.listRecent(50));
    }

    @GET
    @Path("/experiments/{experiment}")
    @Produces(MediaType.TEXT_HTML)
    public Response experiment(@PathParam("experiment") String experiment) throws IOException {
        return responses.page(experimentReport(experiment), "/admin/reports/experiments/" + experiment,
                CANDIDATES);
    }

    @GET
    @Path("/experiments/{experiment}/figure.png")
    @Produces("image/png")
    public Response experimentFigure(@PathParam("experiment") String experiment,
            @QueryParam("page") @DefaultValue("1") int page) throws IOException {
        return responses.figure(experimentReport(experiment), page);
    }

    @GET
    @Path("/experiments/{experiment}/figure.svg")
    @Produces("image/svg+xml")
    public Response experimentFigureSvg(@PathParam("experiment") String experiment,
            @QueryParam("page") @DefaultValue("1") int page) throws IOException {
        return responses.figureSvg(experimentReport(experiment), page, experiment + "-figure-" + page + ".svg");
    }

    @GET
    @Path("/experiments/{experiment}/candidates.csv")
    @Produces("text/csv")
    public Response experimentCsv(@PathParam("experiment") String experiment) throws IOException {
        return responses.csv(experimentReport(experiment), experiment + "-candidates.csv");
    }

    /** A candidate at full resolution, the click behind a report's figure. */
    @GET
    @Path("/candidates/{sop}.png")
    @Produces("image/png")
    public Response candidate(@PathParam("sop") String sop) throws IOException {
        return responses.candidate(sop);
    }

    @GET
    @Path("/runs/{id}")
    @Produces(MediaType.TEXT_HTML)
    public Response run(@PathParam("id") UUID id) throws IOException {
        return responses.page(runReport(id), "/admin/reports/runs/" + id, CANDIDATES);
    }

    @GET
    @Path("/runs/{id}/figure.png")
    @Produces("image/png")
    public Response runFigure(@PathParam("id") UUID id, @QueryParam("page") @DefaultValue("1") int page)
            throws IOException {
        return responses.figure(runReport(id), page);
    }

    @GET
    @Path("/runs/{id}/figure.svg")
    @Produces("image/svg+xml")
    public Response runFigureSvg(@PathParam("id") UUID id, @QueryParam("page") @DefaultValue("1") int page)
            throws IOException {
        return responses.figureSvg(runReport(id), page, "txt2img-run-" + id + "-figure-" + page + ".svg");
    }

    @GET
    @Path("/runs/{id}/candidates.csv")
    @Produces("text/csv")
    public Response runCsv(@PathParam("id") UUID id) throws IOException {
        return responses.csv(runReport(id), "txt2img-" + id + "-candidates.csv");
    }

    private Report experimentReport(String experiment) throws IOException {
        return reports.forExperiment(experiment, JOBS).orElseThrow(() -> new NotFoundException("No experiment " + experiment));
    }

    private Report runReport(UUID id) throws IOException {
        return reports.forRun(id).orElseThrow(() -> new NotFoundException("No text-to-image run " + id));
    }
}
