package io.synthgate.job;

import io.quarkus.security.identity.SecurityIdentity;
import io.synthgate.access.Roles;
import io.synthgate.http.Problem;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;

/** {@code /api/jobs}: every job with its state and reason; failed jobs can be retried. */
@RolesAllowed({Roles.ADMIN, Roles.RESEARCHER})
@Path("/api/jobs")
@Produces(MediaType.APPLICATION_JSON)
public class JobResource {

    private final JobService jobs;
    private final JobOutputService outputs;
    private final FailedJobRetries failedRetries;
    private final SecurityIdentity caller;

    public JobResource(JobService jobs, JobOutputService outputs, FailedJobRetries failedRetries,
            SecurityIdentity caller) {
        this.jobs = jobs;
        this.outputs = outputs;
        this.failedRetries = failedRetries;
        this.caller = caller;
    }

    /** The newest jobs; the clinical Study Instance UID only for admins. */
    @GET
    public List<JobView> list(@QueryParam("limit") @DefaultValue("100") int limit) {
        List<JobView> recent = jobs.listRecent(Math.max(1, Math.min(limit, 1000)));
        return seesClinicalLinks() ? recent : recent.stream().map(JobView::withoutClinicalLink).toList();
    }

    /** A job with its history and outputs; the clinical UIDs they came from only for admins. */
    @GET
    @Path("/{id}")
    public Response get(@PathParam("id") UUID id) {
        return jobs.find(id)
                .map(job -> new JobDetail(job, jobs.history(id), outputs.listForJob(id).stream()
                        .map(JobDetail.OutputView::of).toList()))
                .map(detail -> Response.ok(seesClinicalLinks() ? detail : detail.withoutClinicalLinks()).build())
                .orElseGet(() -> Problem.response(Response.Status.NOT_FOUND, "No job " + id));
    }

    private boolean seesClinicalLinks() {
        return caller.hasRole(Roles.ADMIN);
    }

    /**
     * Retries every FAILED job (up to {@link FailedJobRetries#MAX_JOBS}, the newest first), of one
     * experiment when {@code experiment} is given: 202 with the jobs retried and those that could not be.
     */
    @POST
    @Path("/retry-failed")
    @RolesAllowed(Roles.ADMIN)
    public Response retryFailed(@QueryParam("experiment") String experiment) {
        return Response.accepted(failedRetries.retryFailed(JobService.experimentFilter(experiment),
                caller.getPrincipal().getName())).build();
    }

    @POST
    @Path("/{id}/retry")
    @RolesAllowed(Roles.ADMIN)
    public Response retry(@PathParam("id") UUID id) {
        if (jobs.find(id).isEmpty()) {
            return Problem.response(Response.Status.NOT_FOUND, "No job " + id);
        }
        jobs.retry(id, caller.getPrincipal().getName());
        return Response.accepted(jobs.find(id).orElseThrow()).build();
    }
}
