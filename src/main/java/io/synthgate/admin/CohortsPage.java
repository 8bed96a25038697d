package io.synthgate.admin;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.synthgate.access.Roles;
import io.synthgate.cohort.CohortRequest;
import io.synthgate.cohort.CohortView;
import io.synthgate.cohort.Cohorts;
import io.synthgate.failure.ConflictException;
import io.synthgate.failure.InvalidRequestException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * {@code /admin/cohorts}: a form to pull a cohort from a clinical PACS, the cohorts so far, and each
 * cohort's progress while it runs (the page refreshes itself), with retrieve, retry and cancel. Each
 * matched study and how its retrieve ended is listed to admins only.
 */
@Path("/admin/cohorts")
@RolesAllowed({Roles.ADMIN, Roles.RESEARCHER})
public class CohortsPage {

    private final Cohorts cohorts;
    private final Viewer viewer;

    public CohortsPage(Cohorts cohorts, Viewer viewer) {
        this.cohorts = cohorts;
        this.viewer = viewer;
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(List<CohortView> cohorts, List<String> sources, List<String> experiments,
                String error);

        static native TemplateInstance cohort(CohortView cohort, String error);

        static native TemplateInstance progress(CohortView cohort);
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance list() {
        return list(null);
    }

    /**
     * Opens a cohort from the form: the query's keys that were filled in, accession numbers one per line
     * or separated by commas, the experiments ticked.
     */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response open(@FormParam("source") String source, @FormParam("modality") String modality,
            @FormParam("studyDate") String studyDate, @FormParam("bodyPart") String bodyPart,
            @FormParam("studyDescription") String studyDescription, @FormParam("accessionNumbers") String accessions,
            @FormParam("experiment") List<String> experiments, @FormParam("limit") Integer limit,
            @FormParam("dryRun") String dryRun) {
        Map<String, String> query = new LinkedHashMap<>();
        put(query, "Modality", modality);
        put(query, "StudyDate", studyDate);
        put(query, "BodyPartExamined", bodyPart);
        put(query, "StudyDescription", studyDescription);
        List<String> listed = accessions == null ? List.of() : Arrays.stream(accessions.split("[,\\s]+"))
                .filter(accession -> !accession.isEmpty()).toList();
        try {
            CohortView cohort = cohorts.open(new CohortRequest(source, query, listed, experiments, limit,
                    dryRun != null), viewer.getName());
            return Response.seeOther(URI.create("/admin/cohorts/" + cohort.id())).build();
        } catch (InvalidRequestException refused) {
            return Response.status(400).type(MediaType.TEXT_HTML).entity(list(refused.getMessage())).build();
        }
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance cohort(@PathParam("id") UUID id) {
        return Templates.cohort(find(id), null);
    }

    /** The progress part alone, which the cohort's page fetches again while the cohort runs. */
    @GET
    @Path("/{id}/progress")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance progress(@PathParam("id") UUID id) {
        return Templates.progress(find(id));
    }

    @POST
    @Path("/{id}/retrieve")
    public Response retrieve(@PathParam("id") UUID id) {
        return act(id, cohortId -> cohorts.retrieve(cohortId, viewer.getName()));
    }

    @POST
    @Path("/{id}/retry")
    public Response retry(@PathParam("id") UUID id) {
        return act(id, cohortId -> cohorts.retry(cohortId, viewer.getName()));
    }

    @POST
    @Path("/{id}/cancel")
    public Response cancel(@PathParam("id") UUID id) {
        return act(id, cohortId -> cohorts.cancel(cohortId, viewer.getName()));
    }

    private Response act(UUID id, Function<UUID, CohortView> action) {
        find(id);
        try {
            action.apply(id);
            return Response.seeOther(URI.create("/admin/cohorts/" + id)).build();
        } catch (ConflictException refused) {
            return Response.status(409).type(MediaType.TEXT_HTML).entity(Templates.cohort(find(id),
                    refused.getMessage())).build();
        }
    }

    private TemplateInstance list(String error) {
        return Templates.list(cohorts.list(50), cohorts.sourceNames(), cohorts.experimentNames(), error);
    }

    /** The cohort, its study list only for admins. */
    private CohortView find(UUID id) {
        return cohorts.find(id).orElseThrow(() -> new NotFoundException("No cohort " + id)).shownTo(viewer.isAdmin());
    }

    private static void put(Map<String, String> query, String key, String value) {
        if (value != null && !value.isBlank()) {
            query.put(key, value.strip());
        }
    }
}
