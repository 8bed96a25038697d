package io.synthgate.readerstudy;

import io.synthgate.access.Roles;
import io.synthgate.http.Problem;
import io.synthgate.image.PngImage;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code /api/reader-studies}: reader studies (visual Turing tests). Admins build reading sets;
 * readers (reviewers) take the next image of their own order, see its reading copy and answer real or
 * synthetic; admins and researchers read the key, the results and every reading as CSV.
 */
@Path("/api/reader-studies")
@Produces(MediaType.APPLICATION_JSON)
public class ReaderStudyResource {

    private final ReaderStudies studies;
    private final ReadingCopies copies;

    public ReaderStudyResource(ReaderStudies studies, ReadingCopies copies) {
        this.studies = studies;
        this.copies = copies;
    }

    /** A new reading set: {@code {"name": "...", "experiment": "inpaint"}}; 201 with the set, 409 when nothing is kept to read. */
    @POST
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    public Response build(ReadingSetRequest request, @Context SecurityContext caller, @Context UriInfo uri)
            throws IOException {
        if (request == null) {
            return Problem.response(Response.Status.BAD_REQUEST,
                    "A reading set needs a body: {\"name\": \"knee outpainting\", \"experiment\": \"outpaint\"}");
        }
        ReadingSetView set = studies.build(request.name(), request.experiment(), caller.getUserPrincipal().getName());
        return Response.created(uri.getAbsolutePathBuilder().path(set.id().toString()).build()).entity(set).build();
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.RESEARCHER, Roles.REVIEWER})
    public List<ReadingSetView> list() {
        return studies.list();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.RESEARCHER, Roles.REVIEWER})
    public Response get(@PathParam("id") UUID id) {
        return studies.find(id).map(set -> Response.ok(set).build()).orElseGet(() -> unknown(id));
    }

    /** Deletes the set, its readings and its copies of the images: 204, or 404. */
    @DELETE
    @Path("/{id}")
    @RolesAllowed(Roles.ADMIN)
    public Response delete(@PathParam("id") UUID id, @Context SecurityContext caller) throws IOException {
        return studies.delete(id, caller.getUserPrincipal().getName()) ? Response.noContent().build() : unknown(id);
    }

    /** The caller's next image: 200 with its id and place, 204 when the caller has read them all. */
    @GET
    @Path("/{id}/next")
    @RolesAllowed({Roles.ADMIN, Roles.REVIEWER})
    public Response next(@PathParam("id") UUID id, @Context SecurityContext caller) {
        if (studies.find(id).isEmpty()) {
            return unknown(id);
        }
        Optional<NextItem> next = studies.next(id, caller.getUserPrincipal().getName());
        return next.map(item -> Response.ok(item).build()).orElseGet(() -> Response.noContent().build());
    }

    /** An image's reading copy: no label, no name, the same window for an original and its candidates. */
    @GET
    @Path("/{id}/images/{item}.png")
    @RolesAllowed({Roles.ADMIN, Roles.REVIEWER})
    @Produces("image/png")
    public Response image(@PathParam("id") UUID id, @PathParam("item") UUID item) throws IOException {
        Optional<ReadingItemEntity> found = studies.item(id, item);
        if (found.isEmpty()) {
            return Problem.response(Response.Status.NOT_FOUND, "Reading set " + id + " has no image " + item);
        }
        Optional<BufferedImage> copy = copies.of(found.get());
        if (copy.isEmpty()) {
            return Problem.response(Response.Status.GONE, "The image's file is no longer kept (retention removed it)");
        }
        return Response.ok(PngImage.encode(copy.get())).build();
    }

    /** The caller's answer on one image: 204; 400 when incomplete, 409 when the caller already answered it. */
    @POST
    @Path("/{id}/readings")
    @RolesAllowed({Roles.ADMIN, Roles.REVIEWER})
    @Consumes(MediaType.APPLICATION_JSON)
    public Response read(@PathParam("id") UUID id, ReadingRequest request, @Context SecurityContext caller) {
        if (studies.find(id).isEmpty()) {
            return unknown(id);
        }
        studies.read(id, caller.getUserPrincipal().getName(), request);
        return Response.noContent().build();
    }

    /** What each image is: the study's key. */
    @GET
    @Path("/{id}/key")
    @RolesAllowed({Roles.ADMIN, Roles.RESEARCHER})
    public Response key(@PathParam("id") UUID id) {
        return studies.find(id).isEmpty() ? unknown(id) : Response.ok(studies.key(id)).build();
    }

    @GET
    @Path("/{id}/results")
    @RolesAllowed({Roles.ADMIN, Roles.RESEARCHER})
    public Response results(@PathParam("id") UUID id) {
        return studies.find(id).isEmpty() ? unknown(id) : Response.ok(studies.results(id)).build();
    }

    @GET
    @Path("/{id}/readings.csv")
    @RolesAllowed({Roles.ADMIN, Roles.RESEARCHER})
    @Produces("text/csv")
    public Response csv(@PathParam("id") UUID id) {
        return studies.find(id).isEmpty() ? unknown(id) : Response.ok(studies.csv(id))
                .header("Content-Disposition", "attachment; filename=\"reader-study-" + id + ".csv\"").build();
    }

    private static Response unknown(UUID id) {
        return Problem.response(Response.Status.NOT_FOUND, "No reading set " + id);
    }
}
