package io.synthgate.admin;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.synthgate.access.Roles;
import io.synthgate.experiment.ExperimentCatalog;
import io.synthgate.failure.ConflictException;
import io.synthgate.failure.InvalidRequestException;
import io.synthgate.pipeline.Experiment;
import io.synthgate.readerstudy.NextItem;
import io.synthgate.readerstudy.ReaderStudies;
import io.synthgate.readerstudy.ReaderStudyResults;
import io.synthgate.readerstudy.ReadingCopies;
import io.synthgate.readerstudy.ReadingRequest;
import io.synthgate.readerstudy.ReadingSetView;
import io.synthgate.report.Agreement;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
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
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code /admin/reader-studies}: the visual Turing test. Admins build a reading set from an
 * experiment; a reader reads its images one at a time in an order of their own, full size, without
 * the label or any hint of origin, and answers real or synthetic with a confidence and a plausibility
 * from the keyboard; admins and researchers see the results.
 */
@Path("/admin/reader-studies")
@RolesAllowed({Roles.ADMIN, Roles.REVIEWER, Roles.RESEARCHER})
public class ReaderStudiesPage {

    private final ReaderStudies studies;
    private final ReadingCopies copies;
    private final ExperimentCatalog experiments;
    private final Viewer signedIn;

    public ReaderStudiesPage(ReaderStudies studies, ReadingCopies copies, ExperimentCatalog experiments,
            Viewer signedIn) {
        this.studies = studies;
        this.copies = copies;
        this.experiments = experiments;
        this.signedIn = signedIn;
    }

    /**
     * What the reader sees: the set's name and the next image; {@code next} is null once all are read.
     *
     * @param set the reading set
     * @param next the image to read, with its place in the reader's order
     * @param done what was just recorded, for the line at the top; null on arrival
     */
    public record Reading(ReadingSetView set, NextItem next, String done) {
    }

    /**
     * A line of the results table, its figures as shown ("0.875", "-" where the group has none).
     *
     * @param kind "overall", "reader" or "body part"
     */
    public record Line(String kind, String group, int readings, String accuracy, String sensitivity, String specificity,
            String rocAuc, String plausibilityReal, String plausibilitySynthetic) {

        static Line of(String kind, ReaderStudyResults.Performance performance) {
            return new Line(kind, performance.group(), performance.readings(), text(performance.accuracy()),
                    text(performance.sensitivity()), text(performance.specificity()), text(performance.rocAuc()),
                    text(performance.plausibilityReal()), text(performance.plausibilitySynthetic()));
        }

        private static String text(Double value) {
            return value == null ? "-" : String.format(Locale.ROOT, "%.3f", value);
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(List<ReadingSetView> sets, List<Experiment> experiments, String done);

        static native TemplateInstance read(Reading reading);

        static native TemplateInstance results(ReadingSetView set, List<Line> lines, String agreement);
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance list(@QueryParam("done") String done) {
        return Templates.list(studies.list(), experiments.enabled().stream().filter(Experiment::takesStudies).toList(),
                done);
    }

    /** A new reading set from the form; back to the list, which says what was built or why not. */
    @POST
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response build(@FormParam("name") String name, @FormParam("experiment") String experiment) throws IOException {
        String done;
        try {
            ReadingSetView set = studies.build(name, experiment, signedIn.getName());
            done = "built " + set.name() + ": " + set.real() + " real and " + set.synthetic() + " synthetic images";
        } catch (InvalidRequestException | ConflictException refused) {
            done = "not built: " + refused.getMessage();
        }
        return Response.seeOther(URI.create("/admin/reader-studies?done=" + URLEncoder.encode(done, StandardCharsets.UTF_8)))
                .build();
    }

    /** Deletes a reading set with its readings and its copies of the images; back to the list. */
    @POST
    @Path("/{id}/delete")
    @RolesAllowed(Roles.ADMIN)
    public Response delete(@PathParam("id") UUID id) throws IOException {
        String name = set(id).name();
        studies.delete(id, signedIn.getName());
        return Response.seeOther(URI.create("/admin/reader-studies?done="
                + URLEncoder.encode("deleted " + name + " with its readings and images", StandardCharsets.UTF_8))).build();
    }

    @GET
    @Path("/{id}/read")
    @RolesAllowed({Roles.ADMIN, Roles.REVIEWER})
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance read(@PathParam("id") UUID id, @QueryParam("done") String done) {
        ReadingSetView set = set(id);
        return Templates.read(new Reading(set, studies.next(id, signedIn.getName()).orElse(null), done));
    }

    /** An answer from the reading form; then the reader's next image. */
    @POST
    @Path("/{id}/read")
    @RolesAllowed({Roles.ADMIN, Roles.REVIEWER})
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response answer(@PathParam("id") UUID id, @FormParam("item") UUID item, @FormParam("answer") String answer,
            @FormParam("confidence") Integer confidence, @FormParam("plausibility") Integer plausibility) {
        set(id);
        String done;
        try {
            studies.read(id, signedIn.getName(), new ReadingRequest(item, answer, confidence, plausibility));
            done = "answer recorded";
        } catch (ConflictException again) {
            done = "nothing new: that image was already answered";
        }
        return Response.seeOther(URI.create("/admin/reader-studies/" + id + "/read?done="
                + URLEncoder.encode(done, StandardCharsets.UTF_8))).build();
    }

    @GET
    @Path("/{id}/images/{item}.png")
    @RolesAllowed({Roles.ADMIN, Roles.REVIEWER})
    @Produces("image/png")
    public Response image(@PathParam("id") UUID id, @PathParam("item") UUID item) throws IOException {
        return PngResponse.of(copies.of(studies.item(id, item).orElseThrow(() -> new NotFoundException("No image " + item)))
                .orElseThrow(() -> new NotFoundException("The image's file is no longer kept")));
    }

    @GET
    @Path("/{id}/results")
    @RolesAllowed({Roles.ADMIN, Roles.RESEARCHER})
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance results(@PathParam("id") UUID id) {
        ReaderStudyResults results = studies.results(id);
        List<Line> lines = new ArrayList<>(List.of(Line.of("overall", results.overall())));
        results.byReader().forEach(reader -> lines.add(Line.of("reader", reader)));
        results.byBodyPart().forEach(part -> lines.add(Line.of("body part", part)));
        return Templates.results(set(id), lines, results.agreement().map(Agreement::describe)
                .orElse("none yet (it needs two images with two answers or more)"));
    }

    @GET
    @Path("/{id}/readings.csv")
    @RolesAllowed({Roles.ADMIN, Roles.RESEARCHER})
    @Produces("text/csv")
    public Response csv(@PathParam("id") UUID id) {
        set(id);
        return Response.ok(studies.csv(id))
                .header("Content-Disposition", "attachment; filename=\"reader-study-" + id + ".csv\"").build();
    }

    private ReadingSetView set(UUID id) {
        Optional<ReadingSetView> set = studies.find(id);
        return set.orElseThrow(() -> new NotFoundException("No reading set " + id));
    }
}
