package io.synthgate.txt2img;

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

/**
 * {@code /api/experiments/txt2img/runs}: start text-to-image runs (one synthetic study per body part
 * in the research PACS) and follow their progress and outcomes, refusals included. A run's report is
 * served by {@code TextRunReportResource}.
 */
@RolesAllowed({Roles.ADMIN, Roles.RESEARCHER})
@Path("/api/experiments/txt2img/runs")
@Produces(MediaType.APPLICATION_JSON)
public class TextRunResource {

    private final TextRuns runs;

    public TextRunResource(TextRuns runs) {
        this.runs = runs;
    }

    /**
     * Starts a run: 202 with the run and its Location; 400 (problem+json) when the request is wrong, 409
     * when text-to-image runs are off (no enabled experiment {@code txt2img}).
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response start(TextRunRequest request, @Context UriInfo uri, @Context SecurityContext caller) {
        if (request == null) {
            return Problem.response(Response.Status.BAD_REQUEST, "A run needs a JSON body, e.g. {\"bodyParts\": [\"knee\"]}");
        }
        UUID id = runs.start(request, caller.getUserPrincipal().getName());
        return Response.accepted(runs.find(id).orElseThrow())
                .location(uri.getAbsolutePathBuilder().path(id.toString()).build()).build();
    }

    @GET
    public List<TextRunView> list(@QueryParam("limit") @DefaultValue("20") int limit) {
        return runs.listRecent(Math.max(1, Math.min(limit, 200)));
    }

    @GET
    @Path("/{id}")
    public Response get(@PathParam("id") UUID id) {
        return runs.find(id).map(run -> Response.ok(run).build()).orElseGet(() -> unknown(id));
    }

    private static Response unknown(UUID id) {
        return Problem.response(Response.Status.NOT_FOUND, "No text-to-image run " + id);
    }
}
