package io.synthgate.database;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * Whether the database answers, checked with a validated connection whenever asked: before each
 * scheduled task runs, by the dashboard, and by work waiting for it to come back. A restart or
 * failover of PostgreSQL is then one warning when it stops answering and one line when it answers
 * again, instead of a stack trace from every scheduled task each time it runs, and those tasks wait it
 * out ({@link WhileDatabaseDown}). Nothing acknowledged is at risk meanwhile: received objects stay in
 * the spool until they can be recorded.
 */
@ApplicationScoped
public class DatabaseWatch {

    private static final Logger LOG = Logger.getLogger(DatabaseWatch.class);
    private static final int VALIDATION_SECONDS = 5;

    private final AgroalDataSource dataSource;
    /** {@link System#nanoTime()} when the last check started. */
    private long checkStartedAt;
    /** {@link System#nanoTime()} when it stopped answering; meaningful only while {@link #down}. */
    private long downSince;
    private boolean down;

    public DatabaseWatch(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
        this.checkStartedAt = System.nanoTime() - 1;
    }

    /**
     * Whether the database answers now: the answer of a check that started after the call did. Callers
     * that arrive during a check wait for the next one, which answers them all: a check started before
     * they asked may have found the database up a moment before it stopped, and while it is down a check
     * can take seconds (failing to connect), which one caller pays for the others.
     */
    public boolean answers() {
        long asked = System.nanoTime();
        synchronized (this) {
            if (checkStartedAt - asked < 0) {
                checkStartedAt = System.nanoTime();
                check();
            }
            return !down;
        }
    }

    private void check() {
        try (Connection connection = dataSource.getConnection()) {
            if (!connection.isValid(VALIDATION_SECONDS)) {
                throw new SQLException("a connection did not validate within " + VALIDATION_SECONDS + " s");
            }
            if (down) {
                down = false;
                LOG.infof("The database answers again after %d s; scheduled work resumes",
                        Duration.ofNanos(System.nanoTime() - downSince).toSeconds());
            }
        } catch (SQLException e) {
            // The pool's idle connections died with the server's sessions: dropped now, not handed out after it is back.
            dataSource.flush(AgroalDataSource.FlushMode.INVALID);
            if (!down) {
                down = true;
                downSince = System.nanoTime();
                LOG.warnf("The database does not answer (%s): scheduled work waits until it does, and received "
                        + "objects stay in the spool until they can be recorded", e.getMessage());
            }
        }
    }
}
