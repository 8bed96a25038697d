package io.synthgate.job;

import io.synthgate.pipeline.Pipeline;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.util.UUID;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;

/** Route step {@code jobStep}: moves the route's job through its states. */
@ApplicationScoped
@Named("jobStep")
public class JobStep {

    private final JobService jobs;

    public JobStep(JobService jobs) {
        this.jobs = jobs;
    }

    /** Every output is written and recorded. A resumed job that was already generated stays so. */
    public void generated(@ExchangeProperty(Pipeline.JOB_ID) UUID jobId) {
        if (currentState(jobId) == JobState.PROCESSING) {
            jobs.transition(jobId, JobState.GENERATED, "all outputs written");
        }
    }

    /** Every output was accepted by its destination. */
    public void exported(@ExchangeProperty(Pipeline.JOB_ID) UUID jobId) {
        jobs.transition(jobId, JobState.EXPORTED, "all outputs exported");
    }

    /** The route gave up: the job is parked with the cause as its reason. */
    public void failed(Exchange exchange) {
        UUID id = jobOf(exchange);
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        jobs.fail(id, cause == null ? "route failed without an exception" : describe(cause));
    }

    /**
     * The job an exchange carries: its property once the route has set it, or the ticket it entered
     * with, for a failure before that.
     */
    public static UUID jobOf(Exchange exchange) {
        UUID id = exchange.getProperty(Pipeline.JOB_ID, UUID.class);
        if (id == null && exchange.getMessage().getBody() instanceof JobTicket ticket) {
            id = ticket.jobId();
        }
        return id;
    }

    private JobState currentState(UUID jobId) {
        return jobs.find(jobId).map(JobView::state)
                .orElseThrow(() -> new IllegalArgumentException("No job " + jobId));
    }

    /**
     * The reason to record: the innermost cause that says something, since Camel wraps what a step
     * threw (a parallel split in a CamelExchangeException, a loop or a producer in a
     * CamelExecutionException, whose messages name only the exchange). An Error such as
     * OutOfMemoryError is named by its class.
     */
    static String describe(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause
                && (cause instanceof org.apache.camel.CamelExchangeException
                        || cause instanceof org.apache.camel.CamelExecutionException || blank(cause.getMessage()))) {
            cause = cause.getCause();
        }
        String message = cause.getMessage();
        if (blank(message)) {
            return cause.getClass().getSimpleName();
        }
        return cause instanceof Error ? cause.getClass().getSimpleName() + ": " + message : message;
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
