package io.synthgate.report;

import io.synthgate.access.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import java.io.IOException;

/** {@code /api/candidates/{sop}.png}: a report's candidate at full resolution, the click behind its figure. */
@RolesAllowed({Roles.ADMIN, Roles.REVIEWER, Roles.RESEARCHER})
@Path("/api/candidates")
public class CandidatePictureResource {

    private final ReportResponses responses;

    public CandidatePictureResource(ReportResponses responses) {
        this.responses = responses;
    }

    @GET
    @Path("/{sop}.png")
    @Produces("image/png")
    public Response picture(@PathParam("sop") String sop) throws IOException {
        return responses.candidate(sop);
    }
}
