package io.synthgate.generator;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.synthgate.pipeline.Experiment;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Supplier;

/**
 * Counts the images each experiment asks generators for per UTC day, against
 * {@code synthgate.experiments.<name>.budget.images-per-day}. Images are reserved before a call and the
 * ones that did not come back are returned after it, so concurrent jobs (on any replica: the count
 * is one conditional update in the database) never overspend.
 */
@ApplicationScoped
public class GenerationBudget {

    private final EntityManager entityManager;
    private final Clock clock;

    public GenerationBudget(EntityManager entityManager, Clock clock) {
        this.entityManager = entityManager;
        this.clock = clock;
    }

    /** Reserves {@code images} of today's budget; false, reserving nothing, when they do not fit. */
    public boolean reserve(Experiment experiment, int images) {
        OptionalInt limit = experiment.imagesPerDay();
        if (limit.isEmpty()) {
            return true;
        }
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        if (add(experiment.name(), today, images, limit.getAsInt())) {
            return true;
        }
        if (images > limit.getAsInt()) {
            return false;
        }
        try {
            QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                    "insert into generation_budget (experiment, budget_day, images) values (?1, ?2, ?3)")
                    .setParameter(1, experiment.name()).setParameter(2, today).setParameter(3, images).executeUpdate());
            return true;
        } catch (RuntimeException duplicateDay) {
            // Today's row exists: another job created it first, or it is full. Count against it; if the
            // database itself failed, this fails too and says why.
            return add(experiment.name(), today, images, limit.getAsInt());
        }
    }

    /**
     * Runs {@code call} on {@code images} of today's budget: reserved before it runs, and the images
     * it did not return (or all, when it throws) given back after. Empty, with nothing run, when they
     * do not fit; {@link #spentReason} then says why.
     */
    public Optional<GenerationOutcome> spend(Experiment experiment, int images, Supplier<GenerationOutcome> call) {
        if (!reserve(experiment, images)) {
            return Optional.empty();
        }
        GenerationOutcome outcome;
        try {
            outcome = call.get();
        } catch (RuntimeException e) {
            release(experiment, images);
            throw e;
        }
        release(experiment, images - outcome.candidates().size());
        return Optional.of(outcome);
    }

    /** Why a generation of {@code experiment} did not run: its budget for today is spent. */
    public String spentReason(Experiment experiment) {
        return "Experiment '" + experiment.name() + "' has spent its budget of " + experiment.imagesPerDay().orElse(0)
                + " images for today (synthgate.experiments." + experiment.name() + ".budget.images-per-day); nothing"
                + " was sent";
    }

    /** Images of {@code experiment}'s budget used today (UTC days, as the budget counts them). */
    public long usedToday(String experiment) {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        List<?> rows = QuarkusTransaction.joiningExisting().call(() -> entityManager.createNativeQuery(
                "select images from generation_budget where experiment = ?1 and budget_day = ?2")
                .setParameter(1, experiment).setParameter(2, today).getResultList());
        return rows.isEmpty() ? 0 : ((Number) rows.get(0)).longValue();
    }

    /** Gives back {@code images} reserved today that were not generated. */
    public void release(Experiment experiment, int images) {
        if (images <= 0 || experiment.imagesPerDay().isEmpty()) {
            return;
        }
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                "update generation_budget set images = case when images > ?3 then images - ?3 else 0 end"
                        + " where experiment = ?1 and budget_day = ?2")
                .setParameter(1, experiment.name()).setParameter(2, today).setParameter(3, images).executeUpdate());
    }

    private boolean add(String experiment, LocalDate day, int images, int limit) {
        return QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(
                "update generation_budget set images = images + ?3 where experiment = ?1 and budget_day = ?2"
                        + " and images + ?3 <= ?4")
                .setParameter(1, experiment).setParameter(2, day).setParameter(3, images).setParameter(4, limit)
                .executeUpdate()) == 1;
    }
}
