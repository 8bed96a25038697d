package io.synthgate.review;

import io.synthgate.access.Roles;
import io.synthgate.dicom.SopInstanceUid;
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
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code /api/reviews}: candidates awaiting a radiologist, their pictures, the verdicts, and the
 * audit of every decision.
 */
@RolesAllowed({Roles.ADMIN, Roles.REVIEWER})
@Path("/api/reviews")
@Produces(MediaType.APPLICATION_JSON)
public class ReviewResource {

    private final ReviewService reviews;

    public ReviewResource(ReviewService reviews) {
        this.reviews = reviews;
    }

    /** Candidates awaiting the caller's verdict, oldest first (not those the caller decided, waiting on other readers). */
    @GET
    public List<PendingReview> pending(@QueryParam("limit") @DefaultValue("100") int limit,
            @Context SecurityContext caller) {
        return reviews.pending(Math.max(1, Math.min(limit, 1000)), caller.getUserPrincipal().getName());
    }

    /** The candidate's picture (first frame), as a viewer would show it. */
    @GET
    @Path("/{sopInstanceUid}/preview.png")
    @Produces("image/png")
    public Response preview(@PathParam("sopInstanceUid") String uid) throws Exception {
        try {
            return Response.ok(reviews.preview(new SopInstanceUid(uid))).build();
        } catch (ReviewService.UnknownCandidateException e) {
            return Problem.response(Response.Status.NOT_FOUND, e.getMessage());
        }
    }

    /**
     * A verdict, recorded under the signed-in user: 200 with the recorded decision; 404 unknown
     * candidate; 409 not awaiting review; 400 bad verdict.
     */
    @POST
    @Path("/{sopInstanceUid}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response decide(@PathParam("sopInstanceUid") String uid, ReviewRequest request,
            @Context SecurityContext caller) {
        if (request == null) {
            return Problem.response(Response.Status.BAD_REQUEST,
                    "A verdict needs a body: {\"decision\": \"APPROVED\", \"grade\": 4, \"comment\": \"...\"}");
        }
        try {
            return Response.ok(reviews.decide(new SopInstanceUid(uid), request, caller.getUserPrincipal().getName()))
                    .build();
        } catch (ReviewService.UnknownCandidateException e) {
            return Problem.response(Response.Status.NOT_FOUND, e.getMessage());
        }
    }

    /** The audit of decisions, newest first; {@code jobId} narrows it to one job, in the order made. */
    @GET
    @Path("/decisions")
    public List<ReviewDecision> decisions(@QueryParam("jobId") UUID jobId, @QueryParam("limit") @DefaultValue("100") int limit) {
        return reviews.decisions(Optional.ofNullable(jobId), Math.max(1, Math.min(limit, 1000)));
    }
}
