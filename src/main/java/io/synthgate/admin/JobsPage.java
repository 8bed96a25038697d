package io.synthgate.admin;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.synthgate.access.Roles;
import io.synthgate.expertmask.ExpertMasks;
import io.synthgate.job.FailedJobRetries;
import io.synthgate.job.JobEventView;
import io.synthgate.job.JobOutput;
import io.synthgate.job.JobOutputService;
import io.synthgate.job.JobService;
import io.synthgate.job.JobState;
import io.synthgate.job.JobView;
import io.synthgate.pixels.FidelityMetrics;
import io.synthgate.report.FigureRenderer;
import io.synthgate.wrap.SyntheticFiles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.awt.Image;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code /admin/jobs}: jobs filtered by state and experiment; a job's timeline, its outputs with
 * their fidelity and thumbnails, its failure reason, a link to the viewer, and retry for admins.
 */
@Path("/admin/jobs")
@RolesAllowed({Roles.ADMIN, Roles.RESEARCHER})
public class JobsPage {

    private static final int THUMBNAIL = 240;

    private final JobService jobs;
    private final JobOutputService outputs;
    private final SyntheticFiles files;
    private final FigureRenderer figures;
    private final ViewerLinks viewer;
    private final ExpertMasks expertMasks;
    private final Viewer signedIn;
    private final FailedJobRetries failedRetries;

    public JobsPage(JobService jobs, JobOutputService outputs, SyntheticFiles files, FigureRenderer figures,
            ViewerLinks viewer, ExpertMasks expertMasks, Viewer signedIn, FailedJobRetries failedRetries) {
        this.expertMasks = expertMasks;
        this.signedIn = signedIn;
        this.failedRetries = failedRetries;
        this.jobs = jobs;
        this.outputs = outputs;
        this.files = files;
        this.figures = figures;
        this.viewer = viewer;
    }

    /** The list's filters and rows, and what the last action did. */
    public record JobList(List<JobView> jobs, List<String> states, String state, String experiment, String flash) {

        /** Whether the list shows failed jobs, which can be retried at once. */
        public boolean failedShown() {
            return state.equals(JobState.FAILED.name()) && !jobs.isEmpty();
        }
    }

    /**
     * One job: its record, timeline, outputs, whether it can be retried, its synthetic study in the
     * viewer, and whether researchers drew its masks.
     */
    public record JobPage(JobView job, List<JobEventView> events, List<OutputRow> outputs, boolean retryable,
            String viewerUrl, boolean expertMasks, String flash) {
    }

    /** An output: its UID, its number among its image's candidates, its state, and its fidelity in words. */
    public record OutputRow(String sop, int number, String state, String fidelity, boolean kept) {

        static OutputRow of(JobOutput output) {
            FidelityMetrics metrics = output.metrics();
            String fidelity = metrics == null || metrics.psnrDb() == null ? ""
                    : String.format(Locale.ROOT, "in the mask: PSNR %.1f dB, SSIM %.3f, MAE %.1f", metrics.psnrDb(),
                            metrics.ssim(), metrics.meanAbsoluteError());
            return new OutputRow(output.sopInstanceUid().value(), output.candidateIndex() + 1, output.state().name(),
                    fidelity, Files.isRegularFile(output.file()));
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(JobList list);

        static native TemplateInstance detail(JobPage page);
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance list(@QueryParam("state") String state, @QueryParam("experiment") String experiment,
            @QueryParam("flash") String flash) {
        Optional<JobState> wanted = state == null || state.isBlank() ? Optional.empty()
                : Optional.of(JobState.valueOf(state.strip().toUpperCase(Locale.ROOT)));
        Optional<String> named = JobService.experimentFilter(experiment);
        return Templates.list(new JobList(jobs.list(wanted, named, 200),
                Arrays.stream(JobState.values()).map(Enum::name).toList(), wanted.map(Enum::name).orElse(""),
                named.orElse(""), flash));
    }

    /** Retries every failed job, of the experiment the list is filtered to when it is; back to the list. */
    @POST
    @Path("/retry-failed")
    @RolesAllowed(Roles.ADMIN)
    public Response retryFailed(@FormParam("experiment") String experiment) {
        Optional<String> named = JobService.experimentFilter(experiment);
        FailedJobRetries.Batch batch = failedRetries.retryFailed(named, signedIn.getName());
        String done = "Retried " + batch.retried().size() + (batch.retried().size() == 1 ? " failed job" : " failed jobs")
                + (batch.notRetried().isEmpty() ? "" : "; " + batch.notRetried().size() + " could not be: "
                        + batch.notRetried().values().iterator().next());
        return Response.seeOther(UriBuilder.fromPath("/admin/jobs").queryParam("state", JobState.FAILED.name())
                .queryParam("experiment", named.orElse("")).queryParam("flash", done).build()).build();
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance detail(@PathParam("id") UUID id, @QueryParam("flash") String flash) throws IOException {
        JobView job = jobs.find(id).orElseThrow(() -> new NotFoundException("No job " + id));
        List<JobOutput> made = outputs.listForJob(id);
        String study = made.isEmpty() ? null
                : files.headerIfKept(made.get(0).file()).map(SyntheticFiles.Header::studyInstanceUid).orElse(null);
        return Templates.detail(new JobPage(job, jobs.history(id), made.stream().map(OutputRow::of).toList(),
                job.state() == JobState.FAILED || job.state() == JobState.UNMATCHED, viewer.study(study).orElse(null),
                expertMasks.ofJob(id).isPresent(), flash));
    }

    /** An output's picture, small, in the window its report's figure shows it in. */
    @GET
    @Path("/{id}/outputs/{sop}.png")
    @Produces("image/png")
    public Response thumbnail(@PathParam("id") UUID id, @PathParam("sop") String sop) throws IOException {
        JobOutput output = outputs.listForJob(id).stream().filter(o -> o.sopInstanceUid().value().equals(sop)).findFirst()
                .orElseThrow(() -> new NotFoundException("Job " + id + " has no output " + sop));
        BufferedImage picture = figures.atFullResolution(output.file());
        double scale = Math.min(1, (double) THUMBNAIL / Math.max(picture.getWidth(), picture.getHeight()));
        int width = Math.max(1, (int) Math.round(picture.getWidth() * scale));
        int height = Math.max(1, (int) Math.round(picture.getHeight() * scale));
        BufferedImage small = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        small.getGraphics().drawImage(picture.getScaledInstance(width, height, Image.SCALE_SMOOTH), 0, 0, null);
        return PngResponse.of(small);
    }

    /** Sends a FAILED job through its route again, or an UNMATCHED one through the routing rules. */
    @POST
    @Path("/{id}/retry")
    @RolesAllowed(Roles.ADMIN)
    public Response retry(@PathParam("id") UUID id) {
        jobs.find(id).orElseThrow(() -> new NotFoundException("No job " + id));
        jobs.retry(id, signedIn.getName());
        return Response.seeOther(URI.create("/admin/jobs/" + id + "?flash=Retry+started")).build();
    }
}
