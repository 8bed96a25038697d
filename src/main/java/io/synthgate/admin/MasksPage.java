package io.synthgate.admin;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.synthgate.access.Roles;
import io.synthgate.expertmask.ExpertMasks;
import io.synthgate.expertmask.JobMasks;
import io.synthgate.expertmask.MaskImageView;
import io.synthgate.failure.ConflictException;
import io.synthgate.failure.InvalidRequestException;
import io.synthgate.mask.DrawnRegion;
import io.synthgate.mask.Mask;
import io.synthgate.wrap.ReviewPictures;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
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
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * {@code /admin/jobs/{id}/masks}: where a researcher draws the mask of each image of a job that waits
 * for one (mask {@code expert}), on the de-identified image with zoom and the image's windows, or
 * uploads it as a segmentation or an overlay; every save is a new version. Once every image has a
 * mask, the job is sent on from here.
 */
@Path("/admin/jobs/{id}/masks")
@RolesAllowed({Roles.ADMIN, Roles.RESEARCHER})
public class MasksPage {

    private final ExpertMasks masks;
    private final ReviewPictures pictures;
    private final Viewer signedIn;

    public MasksPage(ExpertMasks masks, ReviewPictures pictures, Viewer signedIn) {
        this.masks = masks;
        this.pictures = pictures;
        this.signedIn = signedIn;
    }

    /**
     * One image's drawing page.
     *
     * @param job the job and its images
     * @param image the image drawn on
     * @param windows the image's windows, presets first
     * @param shapes the shapes the editor opens with: the latest drawn version's, else none
     * @param flash what was just saved
     * @param error why the last save was refused
     */
    public record Drawing(JobMasks job, MaskImageView image, List<ReviewPictures.Window> windows, String shapes,
            String flash, String error) {

        /** The next image without a mask, after this one and then from the first; 0 when every one has one. */
        public int nextWithout() {
            List<MaskImageView> images = job.images();
            for (int i = 1; i <= images.size(); i++) {
                MaskImageView candidate = images.get((image.image() - 1 + i) % images.size());
                if (candidate.latest() == null && candidate.image() != image.image()) {
                    return candidate.image();
                }
            }
            return 0;
        }

        /** The number the next save gets. */
        public int nextVersion() {
            return image.latest() == null ? 1 : image.latest().version() + 1;
        }

        /** A brush that suits the image: about 1% of its shorter side. */
        public int brushRadius() {
            return Math.max(2, Math.min(image.columns(), image.rows()) / 100);
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(JobMasks job, String error);

        static native TemplateInstance draw(Drawing drawing);
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance list(@PathParam("id") UUID id, @QueryParam("error") String error) {
        return Templates.list(job(id), error);
    }

    @GET
    @Path("/{image}")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance draw(@PathParam("id") UUID id, @PathParam("image") int number,
            @QueryParam("flash") String flash, @QueryParam("error") String error) throws IOException {
        JobMasks job = job(id);
        MaskImageView image = job.images().stream().filter(candidate -> candidate.image() == number).findFirst()
                .orElseThrow(() -> new NotFoundException("Job " + id + " has no image " + number));
        Optional<java.nio.file.Path> file = masks.file(id, number);
        List<ReviewPictures.Window> windows = file.isPresent() ? pictures.windows(file.get()) : List.of();
        String shapes = image.latest() == null || image.latest().shapes() == null ? "" : image.latest().shapes();
        return Templates.draw(new Drawing(job, image, windows, shapes, flash, error));
    }

    /** The de-identified image in window {@code w} of its list, or in {@code center}/{@code width} when given. */
    @GET
    @Path("/{image}/image.png")
    @Produces("image/png")
    public Response picture(@PathParam("id") UUID id, @PathParam("image") int number,
            @QueryParam("w") @DefaultValue("0") int window, @QueryParam("center") Double center,
            @QueryParam("width") Double width) throws IOException {
        java.nio.file.Path file = masks.file(id, number)
                .orElseThrow(() -> new NotFoundException("Image " + number + " of job " + id + " is no longer kept"));
        ReviewPictures.Window chosen;
        if (center != null && width != null && width >= 1) {
            chosen = new ReviewPictures.Window("custom", center, width);
        } else {
            List<ReviewPictures.Window> windows = pictures.windows(file);
            chosen = windows.get(Math.floorMod(window, windows.size()));
        }
        return PngResponse.of(pictures.render(file, chosen));
    }

    /** A version of the image's mask as a translucent layer over the image: the mask red, the rest clear. */
    @GET
    @Path("/{image}/versions/{version}.png")
    @Produces("image/png")
    public Response maskLayer(@PathParam("id") UUID id, @PathParam("image") int number,
            @PathParam("version") int version) throws IOException {
        DrawnRegion region = masks.region(id, number, version)
                .orElseThrow(() -> new NotFoundException("Image " + number + " has no mask version " + version));
        Mask mask = new Mask(region.columns(), region.rows());
        region.paint(mask);
        BufferedImage layer = new BufferedImage(mask.columns(), mask.rows(), BufferedImage.TYPE_INT_ARGB);
        for (int i = mask.nextSet(0); i >= 0; i = mask.nextSet(i + 1)) {
            layer.setRGB(i % mask.columns(), i / mask.columns(), 0x80E0301E);
        }
        return PngResponse.of(layer);
    }

    /** Saves the editor's shapes as the image's next version. */
    @POST
    @Path("/{image}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response save(@PathParam("id") UUID id, @PathParam("image") int number, @FormParam("shapes") String shapes) {
        image(id, number);
        return act(id, number, () -> "Saved version " + masks.draw(id, number, shapes, signedIn.getName()).version()
                + " of image " + number);
    }

    /** Saves an uploaded segmentation's segment, or an image's overlay, as the image's next version. */
    @POST
    @Path("/{image}/upload")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response upload(@PathParam("id") UUID id, @PathParam("image") int number, @RestForm("file") FileUpload file,
            @RestForm("region") String region) throws IOException {
        image(id, number);
        if (file == null || file.uploadedFile() == null) {
            return back(id, number, "error", "Choose a DICOM file (a segmentation, or an image with an overlay) first");
        }
        byte[] dicom = Files.readAllBytes(file.uploadedFile());
        Optional<String> choice = Optional.ofNullable(region).map(String::strip).filter(text -> !text.isEmpty());
        boolean overlay = choice.map(text -> text.matches("(?i)60[0-1][0-9a-f]")).orElse(false);
        return act(id, number, () -> "Saved version " + masks.upload(id, number, dicom, file.fileName(),
                overlay ? Optional.empty() : choice, overlay ? choice : Optional.empty(), signedIn.getName()).version()
                + " of image " + number + " from " + file.fileName());
    }

    /** Sends the job on to generation with every image's latest mask. */
    @POST
    @Path("/submit")
    public Response submit(@PathParam("id") UUID id) {
        try {
            masks.submit(id, signedIn.getName());
        } catch (ConflictException e) {
            return Response.seeOther(URI.create("/admin/jobs/" + id + "/masks?error=" + encode(e.getMessage()))).build();
        }
        return Response.seeOther(URI.create("/admin/jobs/" + id + "?flash=" + encode("Sent on to generation with the"
                + " masks drawn"))).build();
    }

    /** A step that may be refused: back to the image with what happened. */
    private interface Saving {
        String save() throws IOException;
    }

    private Response act(UUID id, int number, Saving saving) {
        try {
            return back(id, number, "flash", saving.save());
        } catch (InvalidRequestException | ConflictException | IOException e) {
            return back(id, number, "error", "Not saved: " + e.getMessage());
        }
    }

    /** Back to the image's page with a line on what happened: {@code flash} for done, {@code error} for refused. */
    private static Response back(UUID id, int number, String kind, String text) {
        return Response.seeOther(URI.create("/admin/jobs/" + id + "/masks/" + number + "?" + kind + "=" + encode(text)))
                .build();
    }

    private JobMasks job(UUID id) {
        return masks.ofJob(id).orElseThrow(() -> new NotFoundException("Job " + id + " does not wait for masks"));
    }

    private MaskImageView image(UUID id, int number) {
        return masks.image(id, number).orElseThrow(() -> new NotFoundException("Job " + id + " has no image " + number));
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
