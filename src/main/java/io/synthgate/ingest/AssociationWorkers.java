package io.synthgate.ingest;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The {@code synthgate.dicom.max-associations} workers that serve accepted associations. A slot is
 * counted from hand-over until the worker has closed the connection, and a caller arriving while all
 * are taken waits {@link #HANDOVER_GRACE} for one before it is refused: a modality that releases an
 * association and at once opens its next finds the worker that answered its A-RELEASE-RQ still
 * closing up, and refusing it then would make every back-to-back sender at the limit fail once.
 */
final class AssociationWorkers {

    /** Long enough for a worker to finish after its release, short enough to refuse a busy caller promptly. */
    static final Duration HANDOVER_GRACE = Duration.ofSeconds(1);

    private final Semaphore free;
    private final ExecutorService threads;

    AssociationWorkers(int maxAssociations, ThreadFactory threadFactory) {
        free = new Semaphore(maxAssociations, true);
        // The slots bound the work; the queue only bridges the moment before a finished thread takes the next.
        threads = new ThreadPoolExecutor(maxAssociations, maxAssociations, 60, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), threadFactory);
    }

    /**
     * Serves the association on a worker once a slot is free, waiting at most {@link #HANDOVER_GRACE}.
     *
     * @return false when every slot stayed taken (or the listener is stopping): the caller is to be refused
     */
    boolean serve(Runnable association) {
        try {
            if (!free.tryAcquire(HANDOVER_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                return false;
            }
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
            return false;
        }
        try {
            threads.execute(() -> {
                try {
                    association.run();
                } finally {
                    free.release();
                }
            });
            return true;
        } catch (RejectedExecutionException stopping) {
            free.release();
            return false;
        }
    }

    /** Lets associations in progress finish, for at most the given time. */
    void stop(Duration patience) {
        threads.shutdown();
        try {
            threads.awaitTermination(patience.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
