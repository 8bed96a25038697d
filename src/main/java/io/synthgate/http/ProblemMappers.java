package io.synthgate.http;

import io.quarkus.security.ForbiddenException;
import io.synthgate.failure.ConflictException;
import io.synthgate.failure.InvalidRequestException;
import io.synthgate.failure.RefusedException;
import io.synthgate.failure.RetryableException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.security.Principal;
import org.hibernate.exception.JDBCConnectionException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Answers every failure as a problem: SynthGate's own failures by what the caller can do about them,
 * a malformed value (a domain record refusing it) as 400, and anything else, a bug, as a 500 with a
 * log line that keeps its stack trace.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response invalidRequest(InvalidRequestException e) {
        return Problem.response(Response.Status.BAD_REQUEST, e.getMessage());
    }

    /** Domain records ({@code StudyInstanceUid}, ...) refuse malformed values with this in their constructors. */
    @ServerExceptionMapper
    public Response malformedValue(IllegalArgumentException e) {
        return Problem.response(Response.Status.BAD_REQUEST, e.getMessage());
    }

    @ServerExceptionMapper
    public Response conflict(ConflictException e) {
        return Problem.response(Response.Status.CONFLICT, e.getMessage());
    }

    @ServerExceptionMapper
    public Response refused(RefusedException e) {
        return Problem.response(422, "Unprocessable Content", e.getMessage());
    }

    @ServerExceptionMapper
    public Response retryable(RetryableException e) {
        return Problem.response(Response.Status.SERVICE_UNAVAILABLE, e.getMessage());
    }

    /**
     * The database does not answer (restarting, failing over): the request can succeed in a moment, and
     * the cause is the database's, so no stack trace is logged for each request that meets it.
     */
    @ServerExceptionMapper
    public Response databaseDown(JDBCConnectionException e) {
        return Response.fromResponse(Problem.response(Response.Status.SERVICE_UNAVAILABLE,
                "The database does not answer; try again in a moment")).header("Retry-After", "5").build();
    }

    /** A signed-in user without a role the endpoint needs ({@code @RolesAllowed}). */
    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, ContainerRequestContext request) {
        Principal user = request.getSecurityContext().getUserPrincipal();
        String who = user == null ? "You are" : user.getName() + " is";
        return Problem.response(Response.Status.FORBIDDEN, who
                + " signed in without a role this needs; the README's \"Sign-in and roles\" lists who may do what");
    }

    @ServerExceptionMapper
    public Response bug(IllegalStateException e) {
        LOG.error("A request failed on an internal error", e);
        return Problem.response(Response.Status.INTERNAL_SERVER_ERROR,
                "SynthGate failed on an internal error; the log has its details");
    }
}
