package io.synthgate.database;

import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import jakarta.inject.Singleton;

/**
 * Skips a scheduled task while the database does not answer ({@code skipExecutionIf} of
 * {@link Scheduled}): the task would only fail, and its next run after the database is back does
 * its work.
 */
@Singleton
public class WhileDatabaseDown implements Scheduled.SkipPredicate {

    private final DatabaseWatch database;

    public WhileDatabaseDown(DatabaseWatch database) {
        this.database = database;
    }

    @Override
    public boolean test(ScheduledExecution execution) {
        return !database.answers();
    }
}
