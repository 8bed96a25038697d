package io.synthgate.cohort;

import io.synthgate.access.Roles;
import io.synthgate.http.Problem;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * {@code /api/cohorts}: studies pulled from a clinical PACS by a query or a list of accession numbers.
 * Admins and researchers open and follow cohorts; the matched studies themselves (clinical Study
 * Instance UIDs, accession numbers) are shown to admins only.
 */
@Path("/api/cohorts")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.RESEARCHER})
public class CohortResource {

    private final Cohorts cohorts;

    public CohortResource(Cohorts cohorts) {
        this.cohorts = cohorts;
    }

    /**
     * A new cohort, e.g. {@code {"source": "clinical", "query": {"Modality": "CR", "StudyDate":
     * "20240101-20241231"}, "experiments": ["inpaint"], "limit": 500}}: 202 with the cohort, QUERYING.
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response open(CohortRequest request, @Context SecurityContext caller, @Context UriInfo uri) {
        if (request == null) {
            return Problem.response(Response.Status.BAD_REQUEST, "A cohort needs a body: {\"source\": \"clinical\","
                    + " \"query\": {\"Modality\": \"CR\", \"StudyDate\": \"20240101-20241231\"}}");
        }
        CohortView cohort = cohorts.open(request, caller.getUserPrincipal().getName());
        return Response.accepted(shown(cohort, caller))
                .location(uri.getAbsolutePathBuilder().path(cohort.id().toString()).build()).build();
    }

    @GET
    public List<CohortView> list(@QueryParam("limit") @DefaultValue("100") int limit) {
        return cohorts.list(limit);
    }

    /** The cohort with its counts; for admins also each matched study and how its retrieve ended. */
    @GET
    @Path("/{id}")
    public Response get(@PathParam("id") UUID id, @Context SecurityContext caller) {
        return act(id, caller, Response.Status.OK, cohort -> cohort);
    }

    /** Retrieves a dry run's matches: 202, or 409 when the cohort is not MATCHED. */
    @POST
    @Path("/{id}/retrieve")
    public Response retrieve(@PathParam("id") UUID id, @Context SecurityContext caller) {
        return act(id, caller, Response.Status.ACCEPTED,
                cohort -> cohorts.retrieve(id, caller.getUserPrincipal().getName()));
    }

    /** Takes a FAILED cohort's failed part again: 202, or 409. */
    @POST
    @Path("/{id}/retry")
    public Response retry(@PathParam("id") UUID id, @Context SecurityContext caller) {
        return act(id, caller, Response.Status.ACCEPTED,
                cohort -> cohorts.retry(id, caller.getUserPrincipal().getName()));
    }

    /** Stops a cohort; the retrieves running finish: 202, or 409 when it has ended. */
    @POST
    @Path("/{id}/cancel")
    public Response cancel(@PathParam("id") UUID id, @Context SecurityContext caller) {
        return act(id, caller, Response.Status.ACCEPTED,
                cohort -> cohorts.cancel(id, caller.getUserPrincipal().getName()));
    }

    private Response act(UUID id, SecurityContext caller, Response.Status status,
            Function<CohortView, CohortView> action) {
        return cohorts.find(id).map(action).map(cohort -> Response.status(status).entity(shown(cohort, caller)).build())
                .orElseGet(() -> Problem.response(Response.Status.NOT_FOUND, "No cohort " + id));
    }

    private static CohortView shown(CohortView cohort, SecurityContext caller) {
        return cohort.shownTo(caller.isUserInRole(Roles.ADMIN));
    }
}
