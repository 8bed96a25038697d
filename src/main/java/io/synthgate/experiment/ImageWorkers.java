package io.synthgate.experiment;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Named;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The workers a route's split hands images to ({@code executorService: imageWorkers}): one pool for
 * all jobs, so at most {@code synthgate.pipeline.image-concurrency} images are in memory and in
 * flight at once, however many jobs run.
 */
@ApplicationScoped
public class ImageWorkers {

    private final ExecutorService workers;

    public ImageWorkers(PipelineConfig config) {
        if (config.imageConcurrency() < 1) {
            throw new IllegalArgumentException("synthgate.pipeline.image-concurrency must be at least 1");
        }
        this.workers = Executors.newFixedThreadPool(config.imageConcurrency(), runnable -> {
            Thread thread = new Thread(runnable, "image-worker");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Produces
    @Named("imageWorkers")
    ExecutorService workers() {
        return workers;
    }

    void stop(@Observes ShutdownEvent event) {
        workers.shutdownNow();
    }
}
