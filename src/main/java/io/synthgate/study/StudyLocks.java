package io.synthgate.study;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.Callable;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Serialises changes to one study (recorded arrivals, the idle-timeout sweep, a manual "complete")
 * so they never race on its open job. Striped: a fixed set of locks, chosen by
 * the UID's hash, bounds memory whatever the number of studies.
 */
@ApplicationScoped
public class StudyLocks {

    private final ReentrantLock[] stripes = new ReentrantLock[64];

    public StudyLocks() {
        for (int i = 0; i < stripes.length; i++) {
            stripes[i] = new ReentrantLock();
        }
    }

    /** Runs {@code work} holding the study's lock. */
    public <T> T withLock(String studyInstanceUid, Callable<T> work) {
        ReentrantLock lock = stripes[Math.floorMod(studyInstanceUid.hashCode(), stripes.length)];
        lock.lock();
        try {
            return work.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            lock.unlock();
        }
    }
}
