package io.synthgate.generator;

import io.synthgate.access.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Optional;

/** {@code /api/generator-calls}: the audit of every call made to an external generator. */
@RolesAllowed({Roles.ADMIN})
@Path("/api/generator-calls")
@Produces(MediaType.APPLICATION_JSON)
public class GeneratorCallResource {

    private static final int MAX_LIMIT = 1000;

    private final GeneratorCallLog log;

    public GeneratorCallResource(GeneratorCallLog log) {
        this.log = log;
    }

    /** The newest calls first; {@code reference} (a job id) narrows them to one job's calls. */
    @GET
    public List<GeneratorCall> list(@QueryParam("reference") String reference,
            @QueryParam("limit") @DefaultValue("100") int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ", not " + limit);
        }
        return log.latest(Optional.ofNullable(reference).filter(value -> !value.isBlank()), limit);
    }
}
