package io.synthgate.experiment;

import io.synthgate.job.JobService;
import io.synthgate.job.JobTicket;
import io.synthgate.job.JobView;
import io.synthgate.pipeline.Experiment;
import io.synthgate.pipeline.Pipeline;
import io.synthgate.study.StudyService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.io.IOException;
import java.util.List;
import org.apache.camel.Exchange;

/**
 * Route step {@code experimentStep}: takes a job for its experiment, setting exchange properties
 * {@link Pipeline#JOB_ID} and {@link Pipeline#EXPERIMENT}, the typed experiment every later step reads.
 * A completed study's job that has no experiment yet gets the ones the routing rules choose.
 */
@ApplicationScoped
@Named("experimentStep")
public class ExperimentStep {

    private final ExperimentCatalog catalog;
    private final JobService jobs;
    private final StudyService studies;

    public ExperimentStep(ExperimentCatalog catalog, JobService jobs, StudyService studies) {
        this.catalog = catalog;
        this.jobs = jobs;
        this.studies = studies;
    }

    /**
     * For {@code direct:job-ready}: a job routed before (resumed, retried) keeps its experiment; a new
     * one runs the first experiment whose rule takes its study, and a job is opened for each further one.
     * When none takes it, the job ends UNMATCHED and the route stops.
     */
    public void route(JobTicket ticket, Exchange exchange) throws IOException {
        JobView job = require(ticket);
        String experiment = job.experiment();
        if (experiment == null) {
            List<Experiment> chosen = RoutingRules.choose(catalog.routable(),
                    studies.instancesOfJob(ticket.jobId()));
            if (chosen.isEmpty()) {
                jobs.unmatched(job.id(), "no enabled experiment's rule takes this study (enabled: "
                        + catalog.routable().stream().map(Experiment::name).toList() + ")");
                exchange.setRouteStop(true);
                return;
            }
            jobs.route(job.id(), chosen.stream().map(Experiment::name).toList());
            experiment = chosen.get(0).name();
        }
        set(exchange, job, experiment);
    }

    /** For a route whose jobs name their experiment when they are made, as text-to-image runs' do. */
    public void take(JobTicket ticket, Exchange exchange) {
        JobView job = require(ticket);
        if (job.experiment() == null) {
            throw new IllegalArgumentException("Job " + job.id() + " names no experiment; a study's job enters "
                    + Pipeline.ENTRY + " to be routed");
        }
        set(exchange, job, job.experiment());
    }

    private JobView require(JobTicket ticket) {
        return jobs.find(ticket.jobId()).orElseThrow(() -> new IllegalArgumentException("No job " + ticket.jobId()));
    }

    private void set(Exchange exchange, JobView job, String name) {
        exchange.setProperty(Pipeline.JOB_ID, job.id());
        Experiment experiment = catalog.find(name).orElseThrow(() -> new IllegalArgumentException("Job " + job.id()
                + " runs experiment '" + name + "', which is no longer configured under synthgate.experiments"));
        exchange.setProperty(Pipeline.EXPERIMENT, experiment);
    }
}
