package io.synthgate.study;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.synthgate.database.DatabaseWatch;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Records acknowledged instances in the database, in batches, on a thread of its own. An instance
 * is acknowledged once its file is durable in the spool; the spool file names everything its record
 * holds, so a record that a crash prevented is made from the file when the gateway starts again
 * ({@code io.synthgate.ingest.SpoolRecovery}). Recording a batch in one transaction per study instead
 * of one per instance is what lets one association go faster than the database commits.
 *
 * <p>Readers that must see every acknowledged instance (the REST views, completing a study, the idle
 * sweep) call {@link #awaitRecorded(Duration)} first.
 */
@ApplicationScoped
public class ArrivalRecorder {

    /** Startup order: the recorder runs before the spool is recovered and the listener opens. */
    public static final int STARTS_AT = 100;

    private static final Logger LOG = Logger.getLogger(ArrivalRecorder.class);
    private static final int BATCH = 500;
    private static final long LINGER_MILLIS = 50;
    /** Beyond this many instances waiting for the database, new C-STOREs are refused. */
    private static final int BACKLOG_LIMIT = 20_000;
    private static final Duration READER_WAIT = Duration.ofSeconds(10);
    private static final Duration SHUTDOWN_DRAIN = Duration.ofSeconds(10);
    private static final long MAX_BACKOFF_MILLIS = 30_000;
    /** While waiting to retry, how often it asks whether the database answers again. */
    private static final long POLL_MILLIS = 500;

    private final StudyService studies;
    private final DatabaseWatch database;
    private final LinkedBlockingQueue<ReceivedInstance> queue = new LinkedBlockingQueue<>();
    private final Object progress = new Object();
    private long submitted;
    private long recorded;
    private int readersWaiting;
    private volatile boolean running;

    public ArrivalRecorder(StudyService studies, DatabaseWatch database) {
        this.studies = studies;
        this.database = database;
    }

    void start(@Observes @Priority(STARTS_AT) StartupEvent event) {
        running = true;
        Thread worker = new Thread(this::recordUntilStopped, "arrival-recorder");
        worker.setDaemon(true);
        worker.start();
    }

    void stop(@Observes ShutdownEvent event) {
        if (!awaitRecorded(SHUTDOWN_DRAIN)) {
            LOG.warnf("Stopping with %d acknowledged instances not yet recorded; they are in the spool and are "
                    + "recorded when the gateway starts again", backlog());
        }
        // Not interrupted: an interrupt closes the file channels of the embedded database.
        running = false;
    }

    /** Queues a spooled instance for recording; never blocks and never fails. */
    public void submit(ReceivedInstance arrival) {
        synchronized (progress) {
            submitted++;
            queue.add(arrival);
        }
    }

    /** Whether so many instances wait for the database that no more should be acknowledged. */
    public boolean backlogged() {
        return backlog() >= BACKLOG_LIMIT;
    }

    /**
     * Waits up to 10 s until every instance submitted before this call is recorded: the bound readers
     * of the records use.
     *
     * @return whether they are all recorded
     */
    public boolean awaitRecorded() {
        return awaitRecorded(READER_WAIT);
    }

    /**
     * Waits until every instance submitted before this call is recorded, or {@code timeout} passes.
     *
     * @return whether they are all recorded
     */
    public boolean awaitRecorded(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (progress) {
            long target = submitted;
            readersWaiting++;
            // Wakes a lingering recorder: nothing is gained by gathering more arrivals while someone waits.
            progress.notifyAll();
            try {
                while (recorded < target) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0 || !running) {
                        return false;
                    }
                    TimeUnit.NANOSECONDS.timedWait(progress, left);
                }
                return true;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            } finally {
                readersWaiting--;
            }
        }
    }

    private long backlog() {
        synchronized (progress) {
            return submitted - recorded;
        }
    }

    private void recordUntilStopped() {
        List<ReceivedInstance> batch = new ArrayList<>(BATCH);
        while (running) {
            try {
                ReceivedInstance first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                linger();
                batch.add(first);
                queue.drainTo(batch, BATCH - 1);
                if (!recordRetrying(batch)) {
                    return;
                }
                synchronized (progress) {
                    recorded += batch.size();
                    progress.notifyAll();
                }
                batch.clear();
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /**
     * Lets arrivals gather for up to {@code LINGER_MILLIS}, since a transaction costs more than the
     * instances it records; cut short when a reader waits for them, such as a sender completing its
     * study right after the last C-STORE.
     */
    private void linger() throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(LINGER_MILLIS);
        synchronized (progress) {
            long left;
            while (readersWaiting == 0 && (left = until - System.nanoTime()) > 0) {
                TimeUnit.NANOSECONDS.timedWait(progress, left);
            }
        }
    }

    /**
     * Waits out {@code backoffMillis}, or less when the database comes back within it: after an outage
     * of minutes the back-off has grown to half a minute, and the instances waiting should be recorded
     * when it answers, not that long after.
     */
    private void awaitRetry(long backoffMillis) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(backoffMillis);
        boolean sawItDown = false;
        while (running && until - System.nanoTime() > 0) {
            Thread.sleep(Math.min(POLL_MILLIS, Math.max(1, TimeUnit.NANOSECONDS.toMillis(until - System.nanoTime()))));
            boolean answers = database.answers();
            if (answers && sawItDown) {
                return;
            }
            sawItDown |= !answers;
        }
    }

    /**
     * Records the batch, retrying while the database refuses it: the instances are safe in the spool
     * meanwhile, and once the backlog reaches its limit new C-STOREs are refused until it drains.
     *
     * @return false when the gateway stopped first
     */
    private boolean recordRetrying(List<ReceivedInstance> batch) throws InterruptedException {
        long backoff = 500;
        for (int attempt = 1; running; attempt++) {
            try {
                studies.recordArrivals(batch);
                if (attempt > 1) {
                    LOG.infof("Recorded %d waiting instances after %d attempts", batch.size(), attempt);
                }
                return true;
            } catch (RuntimeException e) {
                // The cause's stack trace once: a database that is down for minutes fails every attempt alike.
                if (attempt == 1) {
                    LOG.errorf(e, "Could not record %d acknowledged instances in the database; they are safe in "
                            + "the spool, retrying in %d ms", batch.size(), backoff);
                } else {
                    LOG.warnf("Could not record %d acknowledged instances in the database (attempt %d: %s); they are "
                            + "safe in the spool, retrying in %d ms", batch.size(), attempt, e.getMessage(), backoff);
                }
                awaitRetry(backoff);
                backoff = Math.min(backoff * 2, MAX_BACKOFF_MILLIS);
            }
        }
        return false;
    }
}
