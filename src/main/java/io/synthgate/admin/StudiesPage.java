package io.synthgate.admin;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.synthgate.access.Roles;
import io.synthgate.dicom.StudyInstanceUid;
import io.synthgate.failure.ConflictException;
import io.synthgate.study.ArrivalRecorder;
import io.synthgate.study.CompletionResult;
import io.synthgate.study.StudyDetail;
import io.synthgate.study.StudyService;
import io.synthgate.study.StudySummary;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * {@code /admin/studies}: received studies, newest first, searched by fields that name no patient
 * (received day, modality, calling AE title); a study's instances and jobs; "complete now" for a
 * study still assembling.
 */
@Path("/admin/studies")
// Clinical Study Instance UIDs re-identify: admins only.
@RolesAllowed(Roles.ADMIN)
public class StudiesPage {

    private final StudyService studies;
    private final ArrivalRecorder recorder;
    private final Viewer signedIn;

    public StudiesPage(StudyService studies, ArrivalRecorder recorder, Viewer signedIn) {
        this.studies = studies;
        this.recorder = recorder;
        this.signedIn = signedIn;
    }

    /** The search and its results. */
    public record StudyList(List<StudySummary> studies, String day, String modality, String callingAe) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(StudyList list);

        static native TemplateInstance detail(StudyDetail study, String flash);
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance list(@QueryParam("day") String day, @QueryParam("modality") String modality,
            @QueryParam("callingAe") String callingAe) {
        recorder.awaitRecorded();
        Optional<LocalDate> received = given(day).map(LocalDate::parse);
        return Templates.list(new StudyList(studies.search(received, given(modality), given(callingAe), 200),
                given(day).orElse(""), given(modality).orElse(""), given(callingAe).orElse("")));
    }

    @GET
    @Path("/{uid}")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance detail(@PathParam("uid") String uid, @QueryParam("flash") String flash) {
        recorder.awaitRecorded();
        return Templates.detail(studies.find(new StudyInstanceUid(uid))
                .orElseThrow(() -> new NotFoundException("No study " + uid + " was received")), flash);
    }

    /** Completes a study now instead of waiting for its idle timeout. */
    @POST
    @Path("/{uid}/complete")
    @RolesAllowed(Roles.ADMIN)
    public Response complete(@PathParam("uid") String uid) {
        recorder.awaitRecorded();
        CompletionResult result = studies.complete(new StudyInstanceUid(uid), signedIn.getName());
        switch (result.outcome()) {
            case UNKNOWN_STUDY -> throw new NotFoundException("No study " + uid + " was received");
            case ALREADY_COMPLETE -> throw new ConflictException("Study " + uid + " is already complete");
            default -> {
                return Response.seeOther(URI.create("/admin/studies/" + uid + "?flash=Completed;+job+"
                        + result.jobId() + "+started")).build();
            }
        }
    }

    private static Optional<String> given(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }
}
