package io.synthgate.admin;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.synthgate.access.Roles;
import io.synthgate.generator.GeneratorCall;
import io.synthgate.generator.GeneratorCallLog;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Optional;

/**
 * {@code /admin/generator-calls}: the audit of every call that left for a generator, filtered by
 * generator, outcome and job.
 */
@Path("/admin/generator-calls")
@RolesAllowed(Roles.ADMIN)
public class GeneratorCallsPage {

    private static final int SCANNED = 1000;
    private static final int SHOWN = 200;
    private static final List<String> OUTCOMES = List.of("OK", "REFUSED", "FILTERED", "THROTTLED", "ERROR");

    private final GeneratorCallLog log;

    public GeneratorCallsPage(GeneratorCallLog log) {
        this.log = log;
    }

    /** The filters and the calls they leave. */
    public record CallList(List<GeneratorCall> calls, List<String> outcomes, String generator, String outcome,
            String reference) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(CallList list);
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance list(@QueryParam("generator") String generator, @QueryParam("outcome") String outcome,
            @QueryParam("reference") String reference) {
        String wantedGenerator = generator == null ? "" : generator.strip();
        String wantedOutcome = outcome == null ? "" : outcome.strip();
        Optional<String> job = Optional.ofNullable(reference).map(String::strip).filter(value -> !value.isEmpty());
        List<GeneratorCall> calls = log.latest(job, SCANNED).stream()
                .filter(call -> wantedGenerator.isEmpty() || call.generator().equals(wantedGenerator))
                .filter(call -> wantedOutcome.isEmpty() || call.outcome().equals(wantedOutcome))
                .limit(SHOWN).toList();
        return Templates.list(new CallList(calls, OUTCOMES, wantedGenerator, wantedOutcome, job.orElse("")));
    }
}
