package io.synthgate.generator;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The audit of outbound generator calls. Each call is committed on its own, whatever becomes of the
 * job, so the audit shows every call that left the site; each is also timed in
 * {@code synthgate_generator_calls_seconds} by generator and outcome.
 */
@ApplicationScoped
public class GeneratorCallLog {

    private final GeneratorCallRepository calls;
    private final MeterRegistry registry;

    public GeneratorCallLog(GeneratorCallRepository calls, MeterRegistry registry) {
        this.calls = calls;
        this.registry = registry;
    }

    public void record(GeneratorCall call) {
        GeneratorCallEntity row = new GeneratorCallEntity();
        row.calledAt = call.calledAt();
        row.generator = truncate(call.generator(), 64);
        row.provider = call.provider();
        row.model = truncate(call.model(), 200);
        row.operation = call.operation();
        row.reference = truncate(call.reference(), 200);
        row.attempt = call.attempt();
        row.endpoint = truncate(call.endpoint(), 500);
        row.httpStatus = call.httpStatus().orElse(null);
        row.outcome = call.outcome();
        row.providerCode = truncate(call.providerCode().orElse(null), 200);
        row.requestId = truncate(call.requestId().orElse(null), 200);
        row.detail = truncate(call.detail(), 2000);
        row.prompt = truncate(call.prompt(), 4000);
        row.inputSha256 = call.inputSha256().orElse(null);
        row.maskSha256 = call.maskSha256().orElse(null);
        row.outputSha256 = truncate(String.join(",", call.outputSha256()), 2000);
        row.latencyMs = call.latencyMillis();
        QuarkusTransaction.requiringNew().run(() -> calls.persist(row));
        Timer.builder("synthgate.generator.calls").tag("generator", row.generator).tag("outcome", row.outcome)
                .description("Generator calls by generator and outcome, with their latency")
                .publishPercentileHistogram().register(registry)
                .record(Duration.ofMillis(call.latencyMillis()));
    }

    /** Calls each generator received since {@code since}, by generator name. */
    public Map<String, Long> callsSince(Instant since) {
        return QuarkusTransaction.joiningExisting().call(() -> calls.countByGeneratorSince(since));
    }

    /** The newest calls, newest first; only those sent for {@code reference} when it is given. */
    public List<GeneratorCall> latest(Optional<String> reference, int limit) {
        return QuarkusTransaction.joiningExisting().call(() -> (reference.isPresent()
                ? calls.latestForReference(reference.get(), limit) : calls.latest(limit))
                .stream().map(GeneratorCallLog::view).toList());
    }

    private static GeneratorCall view(GeneratorCallEntity row) {
        return new GeneratorCall(row.calledAt, row.generator, row.provider, row.model, row.operation, row.reference,
                row.attempt, row.endpoint, Optional.ofNullable(row.httpStatus), row.outcome,
                Optional.ofNullable(row.providerCode), Optional.ofNullable(row.requestId), row.detail, row.prompt,
                Optional.ofNullable(row.inputSha256), Optional.ofNullable(row.maskSha256),
                row.outputSha256 == null || row.outputSha256.isEmpty() ? List.of()
                        : Arrays.asList(row.outputSha256.split(",")),
                row.latencyMs);
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
