package io.synthgate.admin;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.synthgate.access.Roles;
import io.synthgate.dicom.SopInstanceUid;
import io.synthgate.failure.ConflictException;
import io.synthgate.failure.InvalidRequestException;
import io.synthgate.job.JobOutput;
import io.synthgate.job.OutputState;
import io.synthgate.review.ReviewRequest;
import io.synthgate.review.ReviewService;
import io.synthgate.review.ReviewWorklist;
import io.synthgate.review.WorklistItem;
import io.synthgate.wrap.ReviewPictures;
import io.synthgate.wrap.SyntheticFiles;
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
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code /admin/review}: the radiologist's worklist. The oldest candidate awaiting a verdict is shown
 * beside the de-identified source with the mask outlined and every other candidate of that image, all
 * at full resolution behind a zoom and in the source's window presets; the verdict is given from the
 * keyboard and recorded under the signed-in user, and the next candidate follows.
 */
@Path("/admin/review")
@RolesAllowed({Roles.ADMIN, Roles.REVIEWER})
public class ReviewPage {

    private final ReviewWorklist worklist;
    private final ReviewService reviews;
    private final ReviewPictures pictures;
    private final SyntheticFiles files;
    private final Viewer signedIn;
    private final ViewerLinks viewer;

    public ReviewPage(ReviewWorklist worklist, ReviewService reviews, ReviewPictures pictures, SyntheticFiles files,
            Viewer signedIn, ViewerLinks viewer) {
        this.worklist = worklist;
        this.signedIn = signedIn;
        this.reviews = reviews;
        this.pictures = pictures;
        this.files = files;
        this.viewer = viewer;
    }

    /**
     * The page's data; {@code item} is null when nothing waits.
     *
     * @param item the image under review
     * @param panels its candidates, in order
     * @param windows the window presets to switch between
     * @param window the index of the one shown
     * @param done what the reader just decided, for the line at the top; null on arrival
     * @param viewerUrl the synthetic study in the research PACS's viewer; null when no viewer is configured
     */
    public record Worklist(WorklistItem item, List<Panel> panels, List<ReviewPictures.Window> windows, int window,
            String done, String viewerUrl) {

        public Panel current() {
            return panels.stream().filter(Panel::current).findFirst().orElseThrow();
        }
    }

    /**
     * One candidate's panel.
     *
     * @param sop its SOP Instance UID, which its picture and verdict URLs carry
     * @param number its position among the image's candidates, from 1
     * @param caption seed and SSIM inside the mask, where known
     * @param state its output state
     * @param current whether it is the candidate the verdict form decides
     * @param undecided whether it still awaits a verdict
     */
    public record Panel(String sop, int number, String caption, String state, boolean current, boolean undecided) {

        static Panel of(JobOutput candidate, WorklistItem item) {
            JobOutput current = item.current();
            StringBuilder caption = new StringBuilder("Candidate ").append(candidate.candidateIndex() + 1);
            candidate.seed().ifPresent(seed -> caption.append(" \u00b7 seed ").append(seed));
            if (candidate.metrics() != null && candidate.metrics().ssim() != null) {
                caption.append(String.format(Locale.ROOT, " \u00b7 SSIM %.3f", candidate.metrics().ssim()));
            }
            boolean awaitingOthers = candidate.state() == OutputState.AWAITING_REVIEW && !item.undecided(candidate);
            return new Panel(candidate.sopInstanceUid().value(), candidate.candidateIndex() + 1, caption.toString(),
                    awaitingOthers ? "decided by you, awaiting the other readers" : candidate.state().name(),
                    candidate.sopInstanceUid().equals(current.sopInstanceUid()), item.undecided(candidate));
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance page(Worklist worklist);
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance page(@QueryParam("candidate") String candidate, @QueryParam("w") @DefaultValue("0") int window,
            @QueryParam("done") String done) throws IOException {
        Optional<WorklistItem> item = candidate == null || candidate.isBlank() ? worklist.next(signedIn.getName())
                : worklist.at(new SopInstanceUid(candidate), signedIn.getName());
        if (item.isEmpty()) {
            return Templates.page(new Worklist(null, List.of(), List.of(), 0, done, null));
        }
        List<ReviewPictures.Window> windows = windowsOf(item.get());
        List<Panel> panels = item.get().candidates().stream().map(c -> Panel.of(c, item.get())).toList();
        return Templates.page(new Worklist(item.get(), panels, windows, Math.floorMod(window, windows.size()), done,
                viewer.study(item.get().syntheticStudy()).orElse(null)));
    }

    /** A candidate's picture in the window of its source. */
    @GET
    @Path("/{sop}/picture.png")
    @Produces("image/png")
    public Response picture(@PathParam("sop") String sop, @QueryParam("w") @DefaultValue("0") int window)
            throws IOException {
        WorklistItem item = item(sop);
        return PngResponse.of(pictures.render(item.current().file(), windowOf(item, window)));
    }

    /** The de-identified source of a candidate in the same window, its mask outlined. */
    @GET
    @Path("/{sop}/source.png")
    @Produces("image/png")
    public Response source(@PathParam("sop") String sop, @QueryParam("w") @DefaultValue("0") int window)
            throws IOException {
        WorklistItem item = item(sop);
        java.nio.file.Path source = item.source().orElseThrow(() -> new NotFoundException("The candidate's source is no longer kept"));
        BufferedImage picture = pictures.render(source, windowOf(item, window));
        Optional<boolean[][]> mask = files.regions(item.current().file()).mask();
        return PngResponse.of(mask.isPresent() ? pictures.outlined(picture, mask.get()) : picture);
    }

    /** A verdict from the page's form; then the next candidate of the same image, or the worklist's next. */
    @POST
    @Path("/{sop}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response decide(@PathParam("sop") String sop, @FormParam("decision") String decision,
            @FormParam("grade") String grade, @FormParam("comment") String comment,
            @FormParam("w") @DefaultValue("0") int window) throws IOException {
        WorklistItem item = item(sop);
        try {
            reviews.decide(new SopInstanceUid(sop), new ReviewRequest(decision, grade(grade),
                    comment == null || comment.isBlank() ? null : comment.strip()), signedIn.getName());
        } catch (ConflictException alreadyDecided) {
            // A second key press, or a colleague on the same candidate: the first verdict stands.
            return Response.seeOther(URI.create("/admin/review?w=" + window + "&done=nothing+new:+candidate+"
                    + (item.current().candidateIndex() + 1) + "+was+already+decided")).build();
        }
        String next = worklist.at(new SopInstanceUid(sop), signedIn.getName()).flatMap(WorklistItem::nextUndecided)
                .map(candidate -> "candidate=" + candidate.sopInstanceUid().value() + "&")
                .orElse("");
        return Response.seeOther(URI.create("/admin/review?" + next + "w=" + window + "&done="
                + decision.strip().toUpperCase(Locale.ROOT) + "+candidate+" + (item.current().candidateIndex() + 1)))
                .build();
    }

    private WorklistItem item(String sop) throws IOException {
        return worklist.at(new SopInstanceUid(sop), signedIn.getName())
                .orElseThrow(() -> new NotFoundException("No candidate " + sop));
    }

    private List<ReviewPictures.Window> windowsOf(WorklistItem item) throws IOException {
        return pictures.windows(item.source().orElse(item.current().file()));
    }

    private ReviewPictures.Window windowOf(WorklistItem item, int window) throws IOException {
        List<ReviewPictures.Window> windows = windowsOf(item);
        return windows.get(Math.floorMod(window, windows.size()));
    }

    private static Integer grade(String grade) {
        if (grade == null || grade.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(grade.strip());
        } catch (NumberFormatException e) {
            throw new InvalidRequestException("grade must be 1 to 5, not '" + grade + "'");
        }
    }
}
