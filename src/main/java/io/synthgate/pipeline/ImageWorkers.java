package io.synthgate.pipeline;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Named;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The workers a route's split hands images to ({@code executorService: imageWorkers}): one pool for
 * all jobs, so at most {@code synthgate.pipeline.image-concurrency} images are in memory and in
 * flight at once, however many jobs run. They compute only while they hold one of the
 * {@link CpuPermits}, one per processor, granted in the order the images were handed over.
 */
@ApplicationScoped
public class ImageWorkers {

    private final ExecutorService workers;

    public ImageWorkers(PipelineConfig config) {
        if (config.imageConcurrency() < 1) {
            throw new IllegalArgumentException("synthgate.pipeline.image-concurrency must be at least 1");
        }
        CpuPermits permits = new CpuPermits(Runtime.getRuntime().availableProcessors());
        this.workers = new ThreadPoolExecutor(config.imageConcurrency(), config.imageConcurrency(), 0, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), runnable -> {
                    Thread thread = new Thread(runnable, "image-worker");
                    thread.setDaemon(true);
                    return thread;
                }) {
            @Override
            public void execute(Runnable task) {
                super.execute(permits.ticketed(task));
            }
        };
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
