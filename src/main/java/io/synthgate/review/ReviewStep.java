package io.synthgate.review;

import io.synthgate.pipeline.Experiment;
import io.synthgate.pipeline.Pipeline;
import io.synthgate.pipeline.ReviewPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.io.IOException;
import java.util.UUID;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;

/**
 * Route step {@code reviewStep}: under review policy {@code required} or {@code recorded}, holds the
 * job's candidates for a radiologist and stops the route until every one is decided; the job then
 * comes back through its route. Under {@code recorded}, each verdict is then written into its
 * object, and the export step sends rejected candidates too.
 */
@ApplicationScoped
@Named("reviewStep")
public class ReviewStep {

    private final ReviewService reviews;

    public ReviewStep(ReviewService reviews) {
        this.reviews = reviews;
    }

    public void gate(@ExchangeProperty(Pipeline.JOB_ID) UUID jobId,
            @ExchangeProperty(Pipeline.EXPERIMENT) Experiment experiment, Exchange exchange) throws IOException {
        ReviewPolicy policy = experiment.review();
        if (policy.holds() && reviews.hold(jobId, experiment.readers())) {
            exchange.setRouteStop(true);
        } else if (policy == ReviewPolicy.RECORDED) {
            reviews.writeVerdicts(jobId);
        }
    }
}
