package io.synthgate.review;

import io.synthgate.experiment.Pipeline;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.util.UUID;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Header;

/**
 * Route step {@code reviewStep}: under review policy {@code required}, holds the job's candidates
 * for a radiologist and stops the route until every one is decided; the job then comes back through
 * its route and exports the approved ones.
 */
@ApplicationScoped
@Named("reviewStep")
public class ReviewStep {

    private final ReviewService reviews;

    public ReviewStep(ReviewService reviews) {
        this.reviews = reviews;
    }

    public void gate(@ExchangeProperty(Pipeline.JOB_ID) UUID jobId, @Header(Pipeline.REVIEW) String policy,
            Exchange exchange) {
        if (ReviewPolicy.parse(policy) == ReviewPolicy.REQUIRED && reviews.hold(jobId)) {
            exchange.setRouteStop(true);
        }
    }
}
