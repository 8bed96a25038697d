package io.synthgate.expertmask;

import io.synthgate.access.Roles;
import io.synthgate.http.Problem;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
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
import java.io.IOException;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code /api/jobs/{id}/masks}: the images of a job that waits for masks drawn by researchers (mask
 * {@code expert}), a new version of an image's mask as shapes or as an uploaded segmentation or
 * overlay, and sending the job on once every image has one.
 */
@Path("/api/jobs/{id}/masks")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.RESEARCHER})
public class ExpertMaskResource {

    private final ExpertMasks masks;

    public ExpertMaskResource(ExpertMasks masks) {
        this.masks = masks;
    }

    /** The shapes of a drawn mask, e.g. {@code {"shapes": "rectangle 120 80 60 40; stroke 6 10 10 40 30"}}. */
    public record DrawnMask(String shapes) {
    }

    /** The job's images, each with its mask's versions, and its state. */
    @GET
    public Response list(@PathParam("id") UUID id) {
        return masks.ofJob(id).map(job -> Response.ok(job).build())
                .orElseGet(() -> Problem.response(Response.Status.NOT_FOUND, "Job " + id + " does not wait for masks"));
    }

    @GET
    @Path("/{image}")
    public Response image(@PathParam("id") UUID id, @PathParam("image") int image) {
        return masks.image(id, image).map(found -> Response.ok(found).build()).orElseGet(() -> noImage(id, image));
    }

    @GET
    @Path("/{image}/versions/{version}")
    public Response version(@PathParam("id") UUID id, @PathParam("image") int image,
            @PathParam("version") int version) {
        return masks.image(id, image).flatMap(found -> found.versions().stream().filter(v -> v.version() == version)
                .findFirst()).map(found -> Response.ok(found).build())
                .orElseGet(() -> Problem.response(Response.Status.NOT_FOUND, "Image " + image + " of job " + id
                        + " has no mask version " + version));
    }

    /** A new version drawn as shapes in the image's pixels: 201 with it, 409 when the job no longer waits. */
    @POST
    @Path("/{image}/versions")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response draw(@PathParam("id") UUID id, @PathParam("image") int image, DrawnMask drawn,
            @Context SecurityContext caller, @Context UriInfo uri) {
        if (masks.image(id, image).isEmpty()) {
            return noImage(id, image);
        }
        MaskVersionView version = masks.draw(id, image, drawn == null ? null : drawn.shapes(), user(caller));
        return created(version, uri);
    }

    /**
     * A new version from a DICOM file in the body: a segmentation that references the image (query
     * {@code segment}, a number or label, default 1) or an image with an ROI overlay (query
     * {@code overlay}, default 6000).
     */
    @POST
    @Path("/{image}/versions")
    @Consumes("application/dicom")
    public Response upload(@PathParam("id") UUID id, @PathParam("image") int image, byte[] dicom,
            @QueryParam("segment") String segment, @QueryParam("overlay") String overlay,
            @QueryParam("name") String name, @Context SecurityContext caller, @Context UriInfo uri) throws IOException {
        if (masks.image(id, image).isEmpty()) {
            return noImage(id, image);
        }
        MaskVersionView version = masks.upload(id, image, dicom == null ? new byte[0] : dicom, name,
                present(segment), present(overlay), user(caller));
        return created(version, uri);
    }

    /** Sends the job on to generation: 202, or 409 while an image has no mask. */
    @POST
    @Path("/submit")
    public Response submit(@PathParam("id") UUID id, @Context SecurityContext caller) {
        if (masks.ofJob(id).isEmpty()) {
            return Problem.response(Response.Status.NOT_FOUND, "Job " + id + " does not wait for masks");
        }
        masks.submit(id, user(caller));
        return Response.accepted(masks.ofJob(id).orElseThrow()).build();
    }

    private static Response created(MaskVersionView version, UriInfo uri) {
        return Response.status(Response.Status.CREATED).entity(version)
                .location(uri.getAbsolutePathBuilder().path(Integer.toString(version.version())).build()).build();
    }

    private static Response noImage(UUID id, int image) {
        return Problem.response(Response.Status.NOT_FOUND, "Job " + id + " has no image " + image + " for a mask");
    }

    private static Optional<String> present(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }

    private static String user(SecurityContext caller) {
        return caller.getUserPrincipal().getName();
    }
}
