package io.synthgate.admin;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.synthgate.access.Roles;
import io.synthgate.failure.ConflictException;
import io.synthgate.failure.InvalidRequestException;
import io.synthgate.generator.GeneratorRegistry;
import io.synthgate.txt2img.TextRunRequest;
import io.synthgate.txt2img.TextRunView;
import io.synthgate.txt2img.TextRuns;
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
import java.util.List;
import java.util.UUID;

/**
 * {@code /admin/runs}: a form to start a text-to-image run, the runs so far, and each run's progress
 * while it runs (the page refreshes itself) and its report when done.
 */
@Path("/admin/runs")
@RolesAllowed({Roles.ADMIN, Roles.RESEARCHER})
public class RunsPage {

    private final TextRuns runs;
    private final GeneratorRegistry generators;
    private final Viewer signedIn;

    public RunsPage(TextRuns runs, GeneratorRegistry generators, Viewer signedIn) {
        this.runs = runs;
        this.generators = generators;
        this.signedIn = signedIn;
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(List<TextRunView> runs, List<String> generators, String error);

        static native TemplateInstance run(TextRunView run);

        static native TemplateInstance progress(TextRunView run);
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance list() {
        return Templates.list(runs.listRecent(50), generators.names(), null);
    }

    /** Starts a run from the form; body parts are separated by commas. */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response start(@FormParam("bodyParts") String bodyParts, @FormParam("promptTemplate") String template,
            @FormParam("candidates") Integer candidates, @FormParam("generator") String generator) {
        List<String> parts = bodyParts == null ? List.of()
                : Arrays.stream(bodyParts.split(",")).map(String::strip).filter(part -> !part.isEmpty()).toList();
        try {
            UUID id = runs.start(new TextRunRequest(parts, template, null, candidates, generator, null, null),
                    signedIn.getName());
            return Response.seeOther(URI.create("/admin/runs/" + id)).build();
        } catch (InvalidRequestException | ConflictException refused) {
            return Response.status(refused instanceof ConflictException ? 409 : 400).type(MediaType.TEXT_HTML)
                    .entity(Templates.list(runs.listRecent(50), generators.names(), refused.getMessage())).build();
        }
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance run(@PathParam("id") UUID id) {
        return Templates.run(find(id));
    }

    /** The progress part alone, which the run's page fetches again until the run is finished. */
    @GET
    @Path("/{id}/progress")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance progress(@PathParam("id") UUID id) {
        return Templates.progress(find(id));
    }

    private TextRunView find(UUID id) {
        return runs.find(id).orElseThrow(() -> new NotFoundException("No text-to-image run " + id));
    }
}
