package io.synthgate.study;

import io.synthgate.access.Roles;
import io.synthgate.dicom.StudyInstanceUid;
import io.synthgate.http.Problem;
import jakarta.annotation.security.RolesAllowed;
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
import java.util.Map;

/**
 * {@code /api/studies}: what arrived, and a way to say a study is complete. Each answer includes
 * every instance acknowledged before the request, so a sender can complete a study right after its
 * last C-STORE.
 */
// Clinical Study Instance UIDs re-identify: admins only.
@RolesAllowed(Roles.ADMIN)
@Path("/api/studies")
@Produces(MediaType.APPLICATION_JSON)
public class StudyResource {

    private final StudyService studies;
    private final ArrivalRecorder recorder;

    public StudyResource(StudyService studies, ArrivalRecorder recorder) {
        this.studies = studies;
        this.recorder = recorder;
    }

    @GET
    public List<StudySummary> list(@QueryParam("limit") @DefaultValue("100") int limit) {
        recorder.awaitRecorded();
        return studies.listRecent(Math.max(1, Math.min(limit, 1000)));
    }

    @GET
    @Path("/{studyInstanceUid}")
    public Response get(@PathParam("studyInstanceUid") String uid) {
        StudyInstanceUid study = new StudyInstanceUid(uid);
        recorder.awaitRecorded();
        return studies.find(study)
                .map(detail -> Response.ok(detail).build())
                .orElseGet(() -> Problem.response(Response.Status.NOT_FOUND, "No study " + uid + " was received"));
    }

    @POST
    @Path("/{studyInstanceUid}/complete")
    @RolesAllowed(Roles.ADMIN)
    public Response complete(@PathParam("studyInstanceUid") String uid, @Context SecurityContext caller) {
        StudyInstanceUid study = new StudyInstanceUid(uid);
        recorder.awaitRecorded();
        CompletionResult result = studies.complete(study, caller.getUserPrincipal().getName());
        return switch (result.outcome()) {
            case COMPLETED -> Response.accepted(Map.of("studyInstanceUid", uid, "jobId", result.jobId())).build();
            case UNKNOWN_STUDY -> Problem.response(Response.Status.NOT_FOUND, "No study " + uid + " was received");
            case ALREADY_COMPLETE -> Problem.response(Response.Status.CONFLICT,
                    "Study " + uid + " has no instances waiting: it is already complete");
        };
    }
}
