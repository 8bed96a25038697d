package io.synthgate.http;

import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Turns invalid input into a 400 and an illegal state change into a 409, never a bare 500. */
public class ProblemMappers {

    @ServerExceptionMapper
    public Response invalidInput(IllegalArgumentException e) {
        return Problem.response(Response.Status.BAD_REQUEST, e.getMessage());
    }

    @ServerExceptionMapper
    public Response illegalState(IllegalStateException e) {
        return Problem.response(Response.Status.CONFLICT, e.getMessage());
    }
}
